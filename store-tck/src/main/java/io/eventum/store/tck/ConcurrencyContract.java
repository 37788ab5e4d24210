package io.eventum.store.tck;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import static io.eventum.store.tck.TestEvents.event;
import static io.eventum.store.tck.TestEvents.label;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;

/** Guarantees 2, 4 and 5 under real concurrency: one store instance, many threads. */
abstract class ConcurrencyContract {

    private static final Duration BOUND = Duration.ofSeconds(60);

    abstract EventStore store();

    @Test
    void eight_threads_racing_on_one_aggregate_end_with_contiguous_versions_and_no_lost_event() throws Exception {
        // given
        UUID id = UUID.randomUUID();
        int writers = 8;
        int appendsPerWriter = 12;
        // when each writer reloads and retries on conflict until it has appended its share
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                List<String> written = new ArrayList<>();
                long deadline = System.nanoTime() + BOUND.toNanos();
                while (written.size() < appendsPerWriter && System.nanoTime() < deadline) {
                    List<StoredEvent> latest = store().read(id, AggregateQuery.all().newestFirst().limit(1));
                    long next = latest.isEmpty() ? 1 : latest.get(0).version() + 1;
                    int size = 1 + (written.size() % 2);
                    List<EventRecord> batch = new ArrayList<>();
                    List<String> labels = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        String label = "w" + writer + "-" + written.size() + "-" + i;
                        batch.add(event(id, next + i, label));
                        labels.add(label);
                    }
                    try {
                        store().append(batch);
                        written.add(String.join(",", labels));
                    } catch (ConcurrencyConflictException expected) {
                        // another writer won this version: reload and retry
                    }
                }
                return written;
            });
        }
        List<String> allWritten = runAll(tasks).stream().flatMap(List::stream)
                .flatMap(batch -> List.of(batch.split(",")).stream()).toList();
        // then
        List<StoredEvent> stream = store().read(id, AggregateQuery.all());
        assertThat(allWritten).hasSize(writers * (appendsPerWriter / 2) * 3);
        assertThat(versions(stream)).containsExactlyElementsOf(LongStream.rangeClosed(1, allWritten.size()).boxed().toList());
        assertThat(stream.stream().map(TestEvents::label).toList()).containsExactlyInAnyOrderElementsOf(allWritten);
    }

    @Test
    void a_reader_tailing_by_position_never_goes_back_and_sees_every_event_exactly_once() throws Exception {
        // given
        int writers = 4;
        int batchesPerWriter = 40;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                List<String> written = new ArrayList<>();
                for (int b = 0; b < batchesPerWriter; b++) {
                    UUID id = UUID.randomUUID();
                    int size = 1 + b % 3;
                    List<EventRecord> batch = new ArrayList<>();
                    for (int v = 1; v <= size; v++) {
                        String label = "w" + writer + "-b" + b + "-v" + v;
                        batch.add(event(id, v, label));
                        written.add(label);
                    }
                    store().append(batch);
                }
                return written;
            });
        }
        // when a reader tails by position while the writers run
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Future<List<String>> reader = pool.submit(() -> tail(writing));
            List<Future<List<String>>> results = new ArrayList<>();
            for (Callable<List<String>> task : tasks) {
                results.add(pool.submit(task));
            }
            List<String> written = new ArrayList<>();
            for (Future<List<String>> result : results) {
                written.addAll(result.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            }
            writing.set(false);
            List<String> seen = reader.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            // then
            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads pages after the highest position seen until the writers are done and a read finds nothing new. */
    private List<String> tail(AtomicBoolean writing) {
        List<String> seen = new ArrayList<>();
        Set<Long> positions = new HashSet<>();
        long highest = 0;
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            boolean writersDone = !writing.get();
            List<StoredEvent> page = store().readAll(GlobalQuery.after(highest, 25));
            for (StoredEvent event : page) {
                assertThat(event.position()).as("position after %d", highest).isGreaterThan(highest);
                assertThat(positions.add(event.position())).as("position %d seen twice", event.position()).isTrue();
                highest = event.position();
                seen.add(label(event));
            }
            if (page.isEmpty() && writersDone) {
                return seen;
            }
            if (page.isEmpty()) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }
        throw new AssertionError("the tailing reader did not finish within " + BOUND);
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
