package io.eventum.store.tck;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.StoredEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guarantee 3: reads by aggregate return events in version order, exactly as written. */
abstract class ReadContract {

    abstract EventStore store();

    @Test
    void an_unknown_aggregate_reads_as_empty() {
        assertThat(store().read(UUID.randomUUID(), AggregateQuery.all())).isEmpty();
    }

    @Test
    void reads_return_version_order_for_every_combination_of_after_up_to_descending_and_limit() {
        // given ten events written in three batches, between other aggregates' events
        UUID id = UUID.randomUUID();
        store().append(events(UUID.randomUUID(), 1, 2));
        store().append(events(id, 1, 3));
        store().append(events(UUID.randomUUID(), 1, 1));
        store().append(events(id, 4, 9));
        store().append(events(id, 10, 10));
        List<StoredEvent> all = store().read(id, AggregateQuery.all());
        assertThat(versions(all)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        // when / then: each query returns exactly what filtering the full stream returns
        for (long after : new long[] {0, 1, 4, 9, 10, 12}) {
            for (long upTo : new long[] {0, 1, 5, 10, 11, Long.MAX_VALUE}) {
                for (boolean descending : new boolean[] {false, true}) {
                    for (int limit : new int[] {1, 3, Integer.MAX_VALUE}) {
                        AggregateQuery query = new AggregateQuery(after, upTo, descending, limit);
                        assertThat(store().read(id, query)).as(query.toString()).containsExactlyElementsOf(expected(all, query));
                    }
                }
            }
        }
    }

    private static List<StoredEvent> expected(List<StoredEvent> all, AggregateQuery query) {
        List<StoredEvent> selected = new ArrayList<>(all.stream().filter(e -> query.includes(e.version())).toList());
        if (query.descending()) {
            selected.sort(Comparator.comparingLong(StoredEvent::version).reversed());
        }
        return selected.subList(0, Math.min(query.limit(), selected.size()));
    }

    @Test
    void events_appended_out_of_version_order_read_back_in_version_order() {
        // given version 5 first, then 1 to 4 (a store checks uniqueness, not where a batch starts)
        UUID id = UUID.randomUUID();
        store().append(events(id, 5, 6));
        store().append(events(id, 1, 4));
        // when
        List<StoredEvent> all = store().read(id, AggregateQuery.all());
        List<StoredEvent> newestTwo = store().read(id, AggregateQuery.all().newestFirst().limit(2));
        List<StoredEvent> middle = store().read(id, AggregateQuery.all().after(2).upTo(5));
        // then
        assertThat(versions(all)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(versions(newestTwo)).containsExactly(6L, 5L);
        assertThat(versions(middle)).containsExactly(3L, 4L, 5L);
    }

    @Test
    void descending_with_limit_one_returns_the_latest_event() {
        // given
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 4));
        store().append(events(id, 5, 7));
        // when
        List<StoredEvent> latest = store().read(id, AggregateQuery.all().newestFirst().limit(1));
        // then
        assertThat(versions(latest)).containsExactly(7L);
    }

    @Test
    void a_read_hands_events_to_the_consumer_one_by_one_in_order() {
        // given
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 5));
        List<Long> seen = new ArrayList<>();
        // when
        store().read(id, AggregateQuery.all().after(1), event -> seen.add(event.version()));
        // then
        assertThat(seen).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void an_exception_thrown_by_the_consumer_propagates_and_the_store_stays_usable() {
        // given
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 5));
        IllegalStateException boom = new IllegalStateException("consumer failed");
        // when
        assertThatThrownBy(() -> store().read(id, AggregateQuery.all(), event -> {
            throw boom;
        })).isSameAs(boom);
        // then
        store().append(events(id, 6, 6));
        assertThat(versions(store().read(id, AggregateQuery.all()))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void a_long_stream_reads_back_whole_and_in_order() {
        // given 2,000 events in 20 batches
        UUID id = UUID.randomUUID();
        for (long from = 1; from <= 2_000; from += 100) {
            store().append(events(id, from, from + 99));
        }
        List<Long> versions = new ArrayList<>();
        // when
        store().read(id, AggregateQuery.all(), event -> versions.add(event.version()));
        // then
        assertThat(versions).hasSize(2_000).isSorted().doesNotHaveDuplicates();
        assertThat(versions.get(1_999)).isEqualTo(2_000L);
    }
}
