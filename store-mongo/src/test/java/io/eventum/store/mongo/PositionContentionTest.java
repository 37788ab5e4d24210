package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static io.eventum.store.tck.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of taking positions by insert, under contention: writers in one store instance queue on
 * its lock; writers in separate instances (separate clients, as separate processes would be) race
 * at the server and retry. Asserts correctness only; prints the figures (no timing assertions).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PositionContentionTest {

    /** Commits per run, shared among the writers. */
    private static final int COMMITS = 800;
    private static final Duration BOUND = Duration.ofSeconds(120);

    private static InProcessMongo mongo;
    private static boolean warmingUp;

    @BeforeAll
    static void startServerAndWarmUp() throws Exception {
        mongo = new InProcessMongo();
        // The first run pays for class loading and JIT compilation, in the driver and the server alike.
        warmingUp = true;
        new PositionContentionTest().race(1, 2, false);
        warmingUp = false;
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @Test
    @Order(1)
    void one_writer_in_one_instance_takes_every_position_at_the_first_try() throws Exception {
        assertThat(race(1, 1, false).collisions()).isZero();
    }

    @Test
    @Order(2)
    void eight_threads_of_one_instance_queue_on_its_lock_and_never_collide() throws Exception {
        assertThat(race(1, 8, false).collisions()).isZero();
    }

    @Test
    @Order(3)
    void instances_racing_for_positions_retry_at_the_next_one() throws Exception {
        assertThat(race(4, 2, false).inserts()).isGreaterThanOrEqualTo(COMMITS);
        assertThat(race(8, 1, false).inserts()).isGreaterThanOrEqualTo(COMMITS);
    }

    @Test
    @Order(4)
    void a_reader_tailing_by_position_sees_every_event_of_racing_instances_exactly_once() throws Exception {
        assertThat(race(4, 2, true).inserts()).isGreaterThanOrEqualTo(COMMITS);
    }

    private record Outcome(long inserts, long collisions) {
    }

    /**
     * {@code instances} stores on one database, {@code threads} writers each; with {@code tailing},
     * a reader tails by position meanwhile (and slows the in-process server: no figures then).
     */
    private Outcome race(int instances, int threads, boolean tailing) throws Exception {
        String database = InProcessMongo.freshDatabase();
        List<MongoClient> clients = new ArrayList<>();
        List<MongoEventStore> stores = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            MongoClient client = mongo.newClient();
            clients.add(client);
            stores.add(MongoEventStore.builder().client(client).database(database).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(instances * threads + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            Future<Set<String>> tail = tailing ? pool.submit(() -> tail(stores.get(0), writing)) : null;
            long started = System.nanoTime();
            List<Future<?>> writers = new ArrayList<>();
            for (MongoEventStore store : stores) {
                for (int t = 0; t < threads; t++) {
                    writers.add(pool.submit(() -> {
                        for (int a = 0; a < COMMITS / (instances * threads); a++) {
                            store.append(events(UUID.randomUUID(), 1, 2));
                        }
                    }));
                }
            }
            for (Future<?> writer : writers) {
                writer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
            long elapsed = System.nanoTime() - started;
            writing.set(false);
            Set<String> seen = tailing ? tail.get(BOUND.toSeconds(), TimeUnit.SECONDS) : readAll(stores.get(0));
            long commits = COMMITS;
            long inserts = 0;
            long collisions = 0;
            for (MongoEventStore store : stores) {
                inserts += store.appendCounters()[0];
                collisions += store.appendCounters()[1];
            }
            System.out.printf((warmingUp ? "[contention, warm-up]" : tailing ? "[contention, tailed, not a figure]" : "[contention]") + " %d instance(s) x %d thread(s): %d commits in %d ms = %.0f commits/s; "
                            + "%.3f inserts per commit, %.3f collisions per commit%n", instances, threads, commits,
                    elapsed / 1_000_000, commits * 1e9 / elapsed, (double) inserts / commits, (double) collisions / commits);
            assertThat(seen).hasSize((int) commits * 2);
            return new Outcome(inserts, collisions);
        } finally {
            pool.shutdownNow();
            stores.forEach(MongoEventStore::close);
            clients.forEach(MongoClient::close);
        }
    }

    /** Every event, by position, after the writers are done. */
    private static Set<String> readAll(MongoEventStore store) {
        Set<String> seen = new HashSet<>();
        long highest = 0;
        List<StoredEvent> page;
        while (!(page = store.readAll(GlobalQuery.after(highest, 1_000))).isEmpty()) {
            for (StoredEvent event : page) {
                assertThat(event.position()).isGreaterThan(highest);
                assertThat(seen.add(event.aggregateId() + "/" + event.version())).isTrue();
                highest = event.position();
            }
        }
        return seen;
    }

    /** Reads pages after the highest position seen; every event exactly once, positions always rising. */
    private static Set<String> tail(MongoEventStore store, AtomicBoolean writing) {
        Set<String> seen = new HashSet<>();
        long highest = 0;
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = !writing.get();
            List<StoredEvent> page = store.readAll(GlobalQuery.after(highest, 100));
            for (StoredEvent event : page) {
                assertThat(event.position()).isGreaterThan(highest);
                assertThat(seen.add(event.aggregateId() + "/" + event.version())).isTrue();
                highest = event.position();
            }
            if (page.isEmpty() && done) {
                return seen;
            }
            if (page.isEmpty()) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        throw new AssertionError("the tailing reader did not finish within " + BOUND);
    }
}
