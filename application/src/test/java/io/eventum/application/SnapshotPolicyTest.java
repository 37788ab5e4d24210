package io.eventum.application;

import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
import io.eventum.domain.AggregateRoot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotPolicyTest {

    /** A snapshot store that keeps what it is given, or fails every write when told to. */
    static final class ListSnapshotStore implements SnapshotStore {
        final List<SnapshotRecord> saved = new ArrayList<>();
        boolean failing;

        @Override
        public void save(SnapshotRecord snapshot) {
            if (failing) {
                throw new EventStoreException("snapshot store down");
            }
            saved.add(snapshot);
        }

        @Override
        public Optional<SnapshotRecord> latest(UUID aggregateId, long version) {
            return saved.stream().filter(s -> s.aggregateId().equals(aggregateId) && s.version() <= version)
                    .reduce((a, b) -> b.version() >= a.version() ? b : a);
        }
    }

    record CounterState(String name, int value, List<String> tags) {
    }

    static Counter restore(AggregateRoot.Restored restored, CounterState state) {
        throw new UnsupportedOperationException("not needed: these tests only take snapshots");
    }

    private final RecordingEventStore events = new RecordingEventStore();
    private final ListSnapshotStore snapshots = new ListSnapshotStore();

    private class Counting extends Application {
        final Repository<Counter, Counter.Event> counters;

        Counting(int every) {
            super(events, snapshots, new io.eventum.application.codec.jackson.JacksonEventCodec(
                    io.eventum.application.codec.EventTypeRegistry.builder()
                            .register("Counter.Created", Counter.Created.class)
                            .register("Counter.Incremented", Counter.Incremented.class)
                            .register("Counter.Discarded", Counter.Discarded.class)
                            .registerState("Counter.State", CounterState.class)
                            .build()));
            counters = repository(Counter.Event.class, Counter.MUTATOR, Snapshotting.of(Counter.class, CounterState.class,
                    c -> new CounterState(c.name(), c.value(), c.tags()), SnapshotPolicyTest::restore).every(every));
        }
    }

    @Test
    void a_save_that_crosses_a_multiple_of_the_policy_takes_one_snapshot_after_the_append() {
        // given
        Counting app = new Counting(3);
        Counter counter = Counter.create("c");
        // when: versions 1, then 2..5 (crosses 3), then 6 (crosses 6)
        app.save(counter);
        for (int i = 0; i < 4; i++) {
            counter.increment(1);
        }
        app.save(counter);
        counter.increment(1);
        app.counters.save(counter);
        // then
        assertThat(snapshots.saved).extracting(SnapshotRecord::version).containsExactly(5L, 6L);
        assertThat(snapshots.saved.get(0).stateJson()).contains("\"value\":4");
    }

    @Test
    void a_failed_snapshot_write_is_logged_and_never_fails_the_save() {
        // given
        Counting app = new Counting(1);
        snapshots.failing = true;
        Counter counter = Counter.create("c");
        // when
        app.save(counter);
        // then
        assertThat(events.appends).hasSize(1);
        assertThat(counter.pendingEvents()).isEmpty();
        assertThat(snapshots.saved).isEmpty();
    }

    @Test
    void a_discarded_aggregate_is_not_snapshotted() {
        Counting app = new Counting(1);
        Counter counter = Counter.create("c");
        counter.discard();
        app.save(counter);
        assertThat(snapshots.saved).isEmpty();
    }

    @Test
    void snapshots_need_a_snapshot_store_and_one_repository_per_aggregate_class() {
        class NoSnapshots extends Application {
            NoSnapshots() {
                super(events, Counter.EVENT_TYPES);
                repository(Counter.Event.class, Counter.MUTATOR,
                        Snapshotting.of(Counter.class, CounterState.class, c -> null, SnapshotPolicyTest::restore));
            }
        }
        assertThatThrownBy(NoSnapshots::new).isInstanceOf(IllegalStateException.class).hasMessageContaining("no SnapshotStore");
        Counting app = new Counting(2);
        assertThatThrownBy(() -> app.repository(Counter.Event.class, Counter.MUTATOR,
                Snapshotting.of(Counter.class, CounterState.class, c -> null, SnapshotPolicyTest::restore)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already configured");
        assertThatThrownBy(() -> app.counters.takeSnapshot(UUID.randomUUID())).isInstanceOf(AggregateNotFoundException.class);
    }
}
