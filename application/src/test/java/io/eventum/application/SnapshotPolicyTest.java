package io.eventum.application;

import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
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

    private final RecordingEventStore events = new RecordingEventStore();
    private final ListSnapshotStore snapshots = new ListSnapshotStore();
    private final Application app = Application.builder(events).snapshotStore(snapshots).aggregate(Counter.WITH_SNAPSHOTS).build();
    private final Repository<Counter, Counter.Event> counters = app.repository(Counter.WITH_SNAPSHOTS);

    @Test
    void a_save_that_crosses_a_multiple_of_the_policy_takes_one_snapshot_after_the_append() {
        // given a policy of every 3 events
        Counter counter = Counter.create("c");
        // when: versions 1, then 2..5 (crosses 3), then 6 (crosses 6)
        app.save(counter);
        for (int i = 0; i < 4; i++) {
            counter.increment(1);
        }
        app.save(counter);
        counter.increment(1);
        counters.save(counter);
        // then
        assertThat(snapshots.saved).extracting(SnapshotRecord::version).containsExactly(5L, 6L);
        assertThat(snapshots.saved.get(0).stateJson()).contains("\"value\":4").contains("\"createdOn\"");
        assertThat(snapshots.saved.get(0).type()).isEqualTo("Counter.State");
    }

    @Test
    void a_load_starts_from_the_latest_snapshot_and_reads_only_later_events() {
        // given
        Counter counter = Counter.create("c");
        for (int i = 0; i < 3; i++) {
            counter.increment(2, "t" + i);
        }
        app.save(counter);                                   // versions 1..4: a snapshot at 4
        counter.increment(10);
        app.save(counter);                                   // version 5: no snapshot
        events.reads.clear();
        // when
        Counter loaded = counters.get(counter.id());
        // then
        assertThat(snapshots.saved).extracting(SnapshotRecord::version).containsExactly(4L);
        assertThat(loaded.value()).isEqualTo(16);
        assertThat(loaded.tags()).containsExactly("t0", "t1", "t2");
        assertThat(loaded.version()).isEqualTo(5);
        assertThat(loaded.createdOn()).isEqualTo(counter.createdOn());
        assertThat(loaded.lastModifiedOn()).isEqualTo(counter.lastModifiedOn());
        assertThat(events.reads).singleElement().extracting(query -> query.afterVersion()).isEqualTo(4L);
    }

    @Test
    void a_failed_snapshot_write_is_logged_and_never_fails_the_save() {
        // given
        snapshots.failing = true;
        Counter counter = Counter.create("c");
        counter.increment(1);
        counter.increment(1);
        // when
        app.save(counter);
        // then
        assertThat(events.appends).hasSize(1);
        assertThat(counter.pendingEvents()).isEmpty();
        assertThat(snapshots.saved).isEmpty();
    }

    @Test
    void a_discarded_aggregate_is_not_snapshotted() {
        Counter counter = Counter.create("c");
        counter.increment(1);
        counter.discard();
        app.save(counter);
        assertThat(snapshots.saved).isEmpty();
    }

    @Test
    void an_on_demand_snapshot_of_an_unknown_aggregate_is_not_found() {
        assertThatThrownBy(() -> counters.takeSnapshot(UUID.randomUUID())).isInstanceOf(AggregateNotFoundException.class);
    }
}
