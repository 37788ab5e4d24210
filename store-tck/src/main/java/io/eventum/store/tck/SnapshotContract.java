package io.eventum.store.tck;

import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots: a stored state is found at or below the version asked for, never above it. */
abstract class SnapshotContract {

    abstract SnapshotStore snapshots();

    private static SnapshotRecord snapshot(UUID id, long version, String note) {
        String json = "{ \"note\" : \"" + note + " ✓ \\\"q\\\" 😀\", \"count\" : " + version + ", \"ratio\" : 0.50 }";
        return new SnapshotRecord(id, version, "TestState", json.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-11-28T12:00:00.654321Z").plusSeconds(version));
    }

    @Test
    void an_aggregate_without_snapshots_has_none() {
        assertThat(snapshots().latest(UUID.randomUUID(), Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void a_stored_snapshot_reads_back_exactly_at_or_above_its_version() {
        // given
        UUID id = UUID.randomUUID();
        SnapshotRecord stored = snapshot(id, 100, "a");
        // when
        snapshots().save(stored);
        // then
        assertThat(snapshots().latest(id, 100).map(TestEvents::canonical)).contains(TestEvents.canonical(stored));
        assertThat(snapshots().latest(id, 150).map(TestEvents::canonical)).contains(TestEvents.canonical(stored));
        assertThat(snapshots().latest(id, Long.MAX_VALUE).map(TestEvents::canonical)).contains(TestEvents.canonical(stored));
        assertThat(snapshots().latest(UUID.randomUUID(), Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void the_latest_snapshot_at_or_below_the_version_is_returned() {
        // given
        UUID id = UUID.randomUUID();
        snapshots().save(snapshot(id, 100, "a"));
        snapshots().save(snapshot(id, 200, "b"));
        // when
        Optional<SnapshotRecord> newest = snapshots().latest(id, Long.MAX_VALUE);
        Optional<SnapshotRecord> at250 = snapshots().latest(id, 250);
        // then
        assertThat(newest.map(TestEvents::canonical)).contains(TestEvents.canonical(snapshot(id, 200, "b")));
        assertThat(at250.map(TestEvents::canonical)).contains(TestEvents.canonical(snapshot(id, 200, "b")));
    }

    @Test
    void a_snapshot_newer_than_the_requested_version_is_not_used() {
        // given
        UUID id = UUID.randomUUID();
        snapshots().save(snapshot(id, 100, "a"));
        snapshots().save(snapshot(id, 200, "b"));
        // when
        Optional<SnapshotRecord> at150 = snapshots().latest(id, 150);
        Optional<SnapshotRecord> at99 = snapshots().latest(id, 99);
        // then: the store may have dropped the older snapshot, but never returns the newer one
        assertThat(at150).satisfiesAnyOf(
                found -> assertThat(found.map(TestEvents::canonical)).contains(TestEvents.canonical(snapshot(id, 100, "a"))),
                found -> assertThat(found).isEmpty());
        assertThat(at99).isEmpty();
    }

    @Test
    void saving_an_older_snapshot_never_hides_the_newer_one() {
        // given
        UUID id = UUID.randomUUID();
        snapshots().save(snapshot(id, 200, "b"));
        // when
        snapshots().save(snapshot(id, 100, "a"));
        // then
        assertThat(snapshots().latest(id, Long.MAX_VALUE).map(TestEvents::canonical)).contains(TestEvents.canonical(snapshot(id, 200, "b")));
    }

    @Test
    void saving_the_same_version_again_replaces_it() {
        // given
        UUID id = UUID.randomUUID();
        snapshots().save(snapshot(id, 50, "old"));
        // when
        snapshots().save(snapshot(id, 50, "new"));
        // then
        assertThat(snapshots().latest(id, Long.MAX_VALUE).map(TestEvents::canonical)).contains(TestEvents.canonical(snapshot(id, 50, "new")));
    }
}
