package io.eventum.store.tck;

import io.eventum.application.AggregateNotFoundException;
import io.eventum.application.Application;
import io.eventum.application.Repository;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Repositories over the store: loads from snapshots plus later events, exactly as from events alone. */
abstract class RepositoryContract {

    abstract EventStore store();

    abstract SnapshotStore snapshots();

    private CountingCodec codec;

    /** A repository of tallies over the store under test, snapshotting every {@code snapshotEvery} events (0: on demand). */
    private Repository<Tally, Tally.Event> tallies(int snapshotEvery) {
        Application app = Application.builder(store()).snapshotStore(snapshots()).aggregate(Tally.TYPE.withSnapshotEvery(snapshotEvery))
                .codec(types -> codec = new CountingCodec(new JacksonEventCodec(types))).build();
        return app.repository(Tally.TYPE);
    }

    private Tally savedTally(Repository<Tally, Tally.Event> tallies, int additions) {
        Tally tally = Tally.open("t");
        tallies.save(tally);
        for (int i = 1; i <= additions; i++) {
            tally.add(i);
            if (i % 4 == 0 || i == additions) {
                tallies.save(tally);
            }
        }
        codec.takeCount();
        return tally;
    }

    @Test
    void a_saved_aggregate_loads_back_with_its_state_version_and_timestamps() {
        // given
        Repository<Tally, Tally.Event> tallies = tallies(0);
        Tally tally = savedTally(tallies, 6);
        // when
        Tally loaded = tallies.get(tally.id());
        // then
        assertThat(loaded.total()).isEqualTo(21);
        assertThat(loaded.version()).isEqualTo(7);
        assertThat(loaded.createdOn()).isEqualTo(tally.createdOn());
        assertThat(loaded.lastModifiedOn()).isEqualTo(tally.lastModifiedOn());
        assertThat(codec.takeCount()).isEqualTo(7);
    }

    @Test
    void a_snapshot_policy_takes_snapshots_and_loads_replay_only_later_events() {
        // given a policy of every 10 events, and saves that reach versions 1, 5, 9, 13, ..., 25
        Repository<Tally, Tally.Event> tallies = tallies(10);
        Tally tally = savedTally(tallies, 24);
        // when
        Tally loaded = tallies.get(tally.id());
        // then snapshots were taken by the saves that crossed 10 and 20: at versions 13 and 21
        assertThat(snapshots().latest(tally.id(), 20)).satisfiesAnyOf(
                older -> assertThat(older).get().extracting(SnapshotRecord::version).isEqualTo(13L),
                older -> assertThat(older).isEmpty());
        assertThat(snapshots().latest(tally.id(), Long.MAX_VALUE)).get().extracting(SnapshotRecord::version).isEqualTo(21L);
        assertThat(loaded.total()).isEqualTo(300);
        assertThat(loaded.additions()).isEqualTo(24);
        assertThat(loaded.version()).isEqualTo(25);
        assertThat(loaded.createdOn()).isEqualTo(tally.createdOn());
        assertThat(loaded.lastModifiedOn()).isEqualTo(tally.lastModifiedOn());
        assertThat(codec.takeCount()).isEqualTo(4);
    }

    @Test
    void an_on_demand_snapshot_serves_later_loads() {
        // given
        Repository<Tally, Tally.Event> tallies = tallies(0);
        Tally tally = savedTally(tallies, 9);
        // when
        long version = tallies.takeSnapshot(tally.id(), 6);
        codec.takeCount();
        Tally loaded = tallies.get(tally.id());
        // then
        assertThat(version).isEqualTo(6);
        assertThat(loaded.total()).isEqualTo(45);
        assertThat(codec.takeCount()).isEqualTo(4);
    }

    @Test
    void a_snapshot_newer_than_the_requested_version_is_not_used() {
        // given
        Repository<Tally, Tally.Event> tallies = tallies(0);
        Tally tally = savedTally(tallies, 9);
        tallies.takeSnapshot(tally.id());
        codec.takeCount();
        // when
        Tally atFour = tallies.get(tally.id(), 4);
        // then
        assertThat(atFour.version()).isEqualTo(4);
        assertThat(atFour.total()).isEqualTo(6);
        assertThat(codec.takeCount()).isEqualTo(4);
    }

    @Test
    void a_snapshot_of_a_discarded_aggregate_still_reads_as_not_found() {
        // given a snapshot, then a discard
        Repository<Tally, Tally.Event> tallies = tallies(0);
        Tally tally = savedTally(tallies, 5);
        tallies.takeSnapshot(tally.id());
        tally.close();
        tallies.save(tally);
        // then
        assertThat(tallies.contains(tally.id())).isFalse();
        assertThat(tallies.find(tally.id())).isEmpty();
        assertThatThrownBy(() -> tallies.get(tally.id())).isInstanceOf(AggregateNotFoundException.class).hasMessageContaining("discarded");
        assertThatThrownBy(() -> tallies.takeSnapshot(tally.id())).isInstanceOf(AggregateNotFoundException.class);
        assertThat(tallies.get(tally.id(), 6).total()).isEqualTo(15);
    }

    @Test
    void a_stale_or_corrupt_snapshot_is_ignored_and_the_load_replays_the_events() {
        // given snapshots no codec can use: an unknown type, a newer schema, corrupt JSON
        Repository<Tally, Tally.Event> tallies = tallies(0);
        Tally tally = savedTally(tallies, 8);
        Instant at = Instant.parse("2026-11-28T00:00:00Z");
        for (SnapshotRecord stale : new SnapshotRecord[] {
                new SnapshotRecord(tally.id(), 3, "Tally.OldState", json("{\"createdOn\":\"" + at + "\",\"state\":{}}"), at),
                new SnapshotRecord(tally.id(), 5, "Tally.State@v9", json("{\"createdOn\":\"" + at + "\",\"state\":{}}"), at),
                new SnapshotRecord(tally.id(), 7, "Tally.State", json("{\"createdOn\":\"" + at + "\",\"state\":{\"total\":\"x\"}}"), at)}) {
            snapshots().save(stale);
            codec.takeCount();
            // when
            Tally loaded = tallies.get(tally.id());
            // then
            assertThat(loaded.total()).as(stale.type()).isEqualTo(36);
            assertThat(codec.takeCount()).as(stale.type()).isEqualTo(9);
        }
    }

    @Test
    void an_unknown_id_is_not_found() {
        UUID unknown = UUID.randomUUID();
        assertThat(tallies(5).contains(unknown)).isFalse();
        assertThat(tallies(5).find(unknown)).isEmpty();
        assertThatThrownBy(() -> tallies(5).get(unknown)).isInstanceOf(AggregateNotFoundException.class);
    }

    private static byte[] json(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
