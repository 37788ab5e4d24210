package io.eventum.store.tck;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import static io.eventum.store.tck.TestEvents.event;
import static io.eventum.store.tck.TestEvents.label;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarantee 4 while an append is in flight: a slow writer (a long transaction that took its
 * positions before later appends committed) is never skipped by a reader tailing by position, and
 * a writer killed mid-append stores nothing and holds no reader or writer up. What "in flight"
 * means is the store's: see {@link StoreContract#holdAppend} and {@link HeldAppend}.
 */
abstract class InFlightAppendContract {

    private static final Duration BOUND = Duration.ofSeconds(60);
    /**
     * How long the tests give later appends to finish while an earlier one is held. A store that
     * orders writers by a lock (a counter row) makes them wait until the held one ends, so this
     * bounds a wait that may rightly time out.
     */
    private static final Duration WHILE_HELD = Duration.ofSeconds(1);

    abstract EventStore store();

    abstract HeldAppend holdAppend(List<EventRecord> events);

    @Test
    void a_tailing_reader_never_skips_a_slow_append_whose_positions_were_taken_before_later_appends_committed()
            throws Exception {
        // given a reader that has read everything, and a slow writer holding its append open
        store().append(List.of(event(UUID.randomUUID(), 1, "before")));
        Tail tail = new Tail(store());
        tail.readAvailable();
        UUID slow = UUID.randomUUID();
        HeldAppend held = holdAppend(List.of(event(slow, 1, "slow-1"), event(slow, 2, "slow-2")));
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            // when later writers append (and, where nothing orders them behind it, commit first)
            List<Future<List<Long>>> later = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                EventRecord record = event(UUID.randomUUID(), 1, "later-" + w);
                later.add(writers.submit(() -> store().append(List.of(record))));
            }
            awaitAll(later, WHILE_HELD, true);
            tail.readAvailable();
            // and the reader reads again after the slow writer commits
            List<Long> slowPositions = held.commit();
            awaitAll(later, BOUND, false);
            tail.readAvailable();
            // then it has read every event exactly once, in increasing positions, the slow ones too
            assertThat(tail.labels).containsExactlyInAnyOrder("before", "slow-1", "slow-2", "later-0", "later-1", "later-2");
            assertThat(tail.positions).containsAll(slowPositions);
            assertThat(store().lastPosition()).isEqualTo(tail.highest);
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void a_writer_killed_mid_append_stores_nothing_and_readers_and_writers_move_on() throws Exception {
        // given a writer holding its append open, and another writer appending meanwhile
        UUID killed = UUID.randomUUID();
        HeldAppend held = holdAppend(List.of(event(killed, 1, "killed-1"), event(killed, 2, "killed-2")));
        ExecutorService writers = Executors.newSingleThreadExecutor();
        try {
            UUID other = UUID.randomUUID();
            Future<List<Long>> meanwhile = writers.submit(() -> store().append(List.of(event(other, 1, "meanwhile"))));
            // when the held writer is killed
            held.kill();
            long meanwhilePosition = meanwhile.get(BOUND.toSeconds(), TimeUnit.SECONDS).get(0);
            List<Long> after = store().append(List.of(event(UUID.randomUUID(), 1, "after")));
            // then readers reach the later appends (once the store has noticed the death), and
            // nothing of the killed append is ever stored
            awaitReadable(after.get(0));
            Tail tail = new Tail(store());
            tail.readAvailable();
            assertThat(tail.labels).containsExactlyInAnyOrder("meanwhile", "after");
            assertThat(tail.positions).contains(meanwhilePosition, after.get(0));
            assertThat(store().read(killed, AggregateQuery.all())).isEmpty();
            assertThat(store().lastPosition()).isEqualTo(after.get(0));
        } finally {
            writers.shutdownNow();
        }
    }

    /** Waits until a reader can read up to {@code position}, for at most the bound. */
    private void awaitReadable(long position) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (store().lastPosition() < position) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("position " + position + " was not readable within " + BOUND);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /** Waits for every future; when {@code mayTimeOut}, gives up quietly at the bound. */
    private static void awaitAll(List<Future<List<Long>>> futures, Duration bound, boolean mayTimeOut) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        for (Future<List<Long>> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException stillWaiting) {
                if (!mayTimeOut) {
                    throw stillWaiting;
                }
                return;
            }
        }
    }

    /** A reader tailing by position, checking on every page that it never goes back or sees a position twice. */
    private static final class Tail {

        final EventStore store;
        final List<String> labels = new ArrayList<>();
        final List<Long> positions = new ArrayList<>();
        long highest;

        Tail(EventStore store) {
            this.store = store;
        }

        /** Reads page after page until a read finds nothing new, as a follower that has caught up does. */
        void readAvailable() {
            while (readPage()) {
                // next page
            }
        }

        private boolean readPage() {
            List<StoredEvent> page = store.readAll(GlobalQuery.after(highest, 2));
            for (StoredEvent event : page) {
                assertThat(event.position()).as("position after %d", highest).isGreaterThan(highest);
                highest = event.position();
                positions.add(event.position());
                labels.add(label(event));
            }
            return !page.isEmpty();
        }
    }
}
