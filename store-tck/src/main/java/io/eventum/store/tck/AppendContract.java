package io.eventum.store.tck;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.StoredEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.canonical;
import static io.eventum.store.tck.TestEvents.concat;
import static io.eventum.store.tck.TestEvents.event;
import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.records;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Guarantees 1 and 2: atomic batch appends and optimistic concurrency. */
abstract class AppendContract {

    abstract EventStore store();

    private List<StoredEvent> stream(UUID id) {
        return store().read(id, AggregateQuery.all());
    }

    @Test
    void appended_events_read_back_exactly_as_written() {
        // given
        UUID id = UUID.randomUUID();
        List<EventRecord> batch = events(id, 1, 6);
        // when
        store().append(batch);
        // then
        assertThat(canonical(records(stream(id)))).containsExactlyElementsOf(canonical(batch));
    }

    @Test
    void a_timestamp_is_kept_to_the_microsecond() {
        // given a record made with a nanosecond timestamp
        UUID id = UUID.randomUUID();
        Instant nanos = Instant.parse("2026-11-28T10:15:30.123456789Z");
        EventRecord record = new EventRecord(id, 1, "T", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), nanos);
        // when
        store().append(List.of(record));
        // then
        assertThat(stream(id).get(0).timestamp()).isEqualTo(Instant.parse("2026-11-28T10:15:30.123456Z"));
    }

    @Test
    void timestamps_before_1970_and_far_ahead_read_back_exactly() {
        // given
        UUID id = UUID.randomUUID();
        List<Instant> instants = List.of(Instant.parse("1969-07-20T20:17:40.123456Z"), Instant.parse("1900-01-01T00:00:00.000001Z"),
                Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2999-12-31T23:59:59.999999Z"));
        for (int i = 0; i < instants.size(); i++) {
            store().append(List.of(new EventRecord(id, i + 1, "T", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), instants.get(i))));
        }
        // then
        assertThat(stream(id)).extracting(StoredEvent::timestamp).containsExactlyElementsOf(instants);
    }

    @Test
    void a_batch_spanning_several_aggregates_is_stored_whole() {
        // given
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<EventRecord> batch = concat(events(first, 1, 2), events(second, 1, 3), events(first, 3, 3));
        // when
        store().append(batch);
        // then
        assertThat(versions(stream(first))).containsExactly(1L, 2L, 3L);
        assertThat(versions(stream(second))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void append_returns_the_position_of_each_event_in_batch_order() {
        // given
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // when
        List<Long> positions = store().append(concat(events(first, 1, 2), events(second, 1, 2)));
        // then
        assertThat(positions).hasSize(4).isSorted().doesNotHaveDuplicates();
        assertThat(TestEvents.positions(stream(first))).containsExactly(positions.get(0), positions.get(1));
        assertThat(TestEvents.positions(stream(second))).containsExactly(positions.get(2), positions.get(3));
    }

    @Test
    void later_batches_continue_a_stream() {
        // given
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 3));
        // when
        store().append(events(id, 4, 5));
        store().append(events(id, 6, 6));
        // then
        assertThat(versions(stream(id))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void a_batch_with_one_conflicting_event_in_the_middle_stores_nothing() {
        // given
        UUID taken = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        store().append(events(taken, 1, 2));
        long lastPosition = store().lastPosition();
        List<EventRecord> batch = concat(events(fresh, 1, 2), List.of(event(taken, 2, "stale")), events(fresh, 3, 4));
        // when
        assertThatThrownBy(() -> store().append(batch)).isInstanceOf(ConcurrencyConflictException.class);
        // then
        assertThat(stream(fresh)).isEmpty();
        assertThat(versions(stream(taken))).containsExactly(1L, 2L);
        assertThat(store().lastPosition()).isEqualTo(lastPosition);
    }

    @Test
    void a_stale_writer_whose_batch_starts_inside_an_earlier_batch_is_rejected() {
        // given batches [1-3] and [4-6] of one aggregate
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 3));
        store().append(events(id, 4, 6));
        // when a stale writer appends version 5 alone
        ConcurrencyConflictException conflict = catchThrowableOfType(ConcurrencyConflictException.class,
                () -> store().append(List.of(event(id, 5, "stale"))));
        // then
        assertThat(conflict).isNotNull();
        assertThat(conflict.aggregateId()).isEqualTo(id);
        assertThat(conflict.version()).isEqualTo(5L);
        assertThat(TestEvents.label(stream(id).get(4))).isEqualTo("v5");
    }

    @Test
    void a_stale_batch_overlapping_the_end_of_the_stream_stores_nothing() {
        // given
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 3));
        // when
        assertThatThrownBy(() -> store().append(events(id, 3, 5))).isInstanceOf(ConcurrencyConflictException.class);
        // then
        assertThat(versions(stream(id))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_conflict_names_the_aggregate_and_version_and_stores_nothing_for_any_aggregate() {
        // given
        UUID bystander = UUID.randomUUID();
        UUID contested = UUID.randomUUID();
        store().append(events(contested, 1, 4));
        // when
        ConcurrencyConflictException conflict = catchThrowableOfType(ConcurrencyConflictException.class,
                () -> store().append(concat(events(bystander, 1, 3), List.of(event(contested, 4, "stale")))));
        // then
        assertThat(conflict).isNotNull();
        assertThat(conflict.aggregateId()).isEqualTo(contested);
        assertThat(conflict.version()).isEqualTo(4L);
        assertThat(conflict.getMessage()).contains(contested.toString()).contains("4");
        assertThat(stream(bystander)).isEmpty();
    }

    @Test
    void the_store_stays_usable_after_a_conflict() {
        // given
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 2));
        assertThatThrownBy(() -> store().append(events(id, 2, 3))).isInstanceOf(ConcurrencyConflictException.class);
        // when
        store().append(events(id, 3, 4));
        // then
        assertThat(versions(stream(id))).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void two_writers_creating_the_same_aggregate_cannot_both_succeed() {
        // given
        UUID id = UUID.randomUUID();
        store().append(List.of(event(id, 1, "first")));
        // when
        assertThatThrownBy(() -> store().append(List.of(event(id, 1, "second"))))
                .isInstanceOf(ConcurrencyConflictException.class);
        // then
        assertThat(stream(id)).singleElement().extracting(TestEvents::label).isEqualTo("first");
    }
}
