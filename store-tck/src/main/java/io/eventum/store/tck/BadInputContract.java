package io.eventum.store.tck;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.event;
import static io.eventum.store.tck.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guarantee 6: bad input fails fast with a message naming what was wrong, and writes nothing. */
abstract class BadInputContract {

    abstract EventStore store();

    abstract SnapshotStore snapshots();

    private void assertNothingStored() {
        assertThat(store().lastPosition()).isZero();
        assertThat(store().readAll(GlobalQuery.after(0, 10))).isEmpty();
    }

    @Test
    void a_null_batch_is_rejected() {
        assertThatThrownBy(() -> store().append(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> store().append(null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertNothingStored();
    }

    @Test
    void an_empty_batch_is_rejected() {
        assertThatThrownBy(() -> store().append(List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> store().append(List.of(), null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertNothingStored();
    }

    @Test
    void a_batch_holding_a_null_event_stores_nothing() {
        // given
        List<EventRecord> batch = new ArrayList<>(events(UUID.randomUUID(), 1, 2));
        batch.add(null);
        // then
        assertThatThrownBy(() -> store().append(batch)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event 2");
        assertNothingStored();
    }

    @Test
    void a_version_repeated_inside_one_batch_is_rejected() {
        // given
        UUID id = UUID.randomUUID();
        List<EventRecord> batch = List.of(event(id, 1), event(id, 2), event(id, 2, "again"));
        // then
        assertThatThrownBy(() -> store().append(batch)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(id.toString()).hasMessageContaining("version 2");
        assertNothingStored();
    }

    @Test
    void versions_skipped_inside_one_batch_are_rejected() {
        // given
        UUID id = UUID.randomUUID();
        List<EventRecord> batch = List.of(event(id, 1), event(id, 3));
        // then
        assertThatThrownBy(() -> store().append(batch)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(id.toString()).hasMessageContaining("version 3");
        assertNothingStored();
    }

    @Test
    void records_with_null_ids_or_versions_below_one_cannot_be_built() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new EventRecord(null, 1, "T", json, Map.of(), now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aggregate id");
        assertThatThrownBy(() -> new EventRecord(id, -1, "T", json, Map.of(), now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id.toString()).hasMessageContaining("-1");
        assertThatThrownBy(() -> new EventRecord(id, 0, "T", json, Map.of(), now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 0");
        assertThatThrownBy(() -> new EventRecord(id, 1, " ", json, Map.of(), now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> new EventRecord(id, 1, "T", null, Map.of(), now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload");
        assertThatThrownBy(() -> new EventRecord(id, 1, "T", json, Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamp");
    }

    @Test
    void reads_with_a_null_id_or_query_are_rejected() {
        assertThatThrownBy(() -> store().read(null, AggregateQuery.all())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aggregate id");
        assertThatThrownBy(() -> store().read(UUID.randomUUID(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> store().readAll(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> store().trackedPosition(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("follower");
    }

    @Test
    void queries_with_negative_bounds_or_no_limit_cannot_be_built() {
        assertThatThrownBy(() -> AggregateQuery.all().after(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> AggregateQuery.all().limit(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> GlobalQuery.after(-5, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
        assertThatThrownBy(() -> GlobalQuery.after(0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void a_payload_changed_by_the_caller_after_append_does_not_change_the_stored_event() {
        // given
        UUID id = UUID.randomUUID();
        EventRecord record = event(id, 1);
        byte[] original = record.payload().clone();
        store().append(List.of(record));
        // when
        Arrays.fill(record.payload(), (byte) 'x');
        // then
        assertThat(TestEvents.canonicalJson(store().read(id, AggregateQuery.all()).get(0).payload()))
                .isEqualTo(TestEvents.canonicalJson(original));
    }

    @Test
    void a_payload_or_snapshot_state_that_is_not_a_json_object_cannot_be_made_into_a_record() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        for (String bad : List.of("", "not json", "[1,2]", "\"text\"", "{\"a\":}", "{\"a\":1} trailing", "{\"a\":\"\u0001\"}", "{'a':1}")) {
            byte[] json = bad.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> new EventRecord(id, 4, "T.Bad", json, Map.of(), now)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(id.toString()).hasMessageContaining("version 4").hasMessageContaining("T.Bad")
                    .hasMessageContaining("payload").hasMessageContaining("is refused: it");
            assertThatThrownBy(() -> new SnapshotRecord(id, 4, "S.Bad", json, now)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id.toString()).hasMessageContaining("state")
                    .hasMessageContaining("is refused: it");
        }
    }

    @Test
    void a_closed_store_refuses_every_call_and_closing_it_again_is_harmless() {
        // given
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 1));
        // when
        store().close();
        store().close();
        // then
        assertThatThrownBy(() -> store().append(events(id, 2, 2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store().read(id, AggregateQuery.all())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store().readAll(GlobalQuery.after(0, 10))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store().lastPosition()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store().trackedPosition("f")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> snapshots().latest(id, 1)).isInstanceOf(IllegalStateException.class);
    }
}
