package io.eventum.store.tck;

import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.canonical;
import static io.eventum.store.tck.TestEvents.concat;
import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.positions;
import static io.eventum.store.tck.TestEvents.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guarantee 4: unique global positions in commit order, read in pages. */
abstract class GlobalReadContract {

    abstract EventStore store();

    @Test
    void an_empty_store_has_last_position_zero_and_reads_nothing() {
        assertThat(store().lastPosition()).isZero();
        assertThat(store().readAll(GlobalQuery.after(0, 10))).isEmpty();
    }

    @Test
    void positions_are_unique_and_increase_in_append_order() {
        // given
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        var first = concat(events(a, 1, 2), events(b, 1, 1));
        var second = events(b, 2, 3);
        var third = events(a, 3, 3);
        // when
        store().append(first);
        store().append(second);
        store().append(third);
        // then
        List<StoredEvent> all = store().readAll(GlobalQuery.after(0, 100));
        assertThat(canonical(records(all))).containsExactlyElementsOf(canonical(concat(first, second, third)));
        assertThat(positions(all)).isSorted().doesNotHaveDuplicates().allMatch(p -> p > 0);
        assertThat(store().lastPosition()).isEqualTo(all.get(all.size() - 1).position());
    }

    @Test
    void read_all_pages_through_every_event_by_position() {
        // given
        for (int i = 0; i < 7; i++) {
            store().append(events(UUID.randomUUID(), 1, 3));
        }
        List<StoredEvent> pages = new ArrayList<>();
        long after = 0;
        // when
        List<StoredEvent> page;
        do {
            page = store().readAll(GlobalQuery.after(after, 4));
            assertThat(page.size()).isLessThanOrEqualTo(4);
            pages.addAll(page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).position();
            }
        } while (!page.isEmpty());
        // then
        assertThat(pages).containsExactlyElementsOf(store().readAll(GlobalQuery.after(0, 1_000)));
        assertThat(pages).hasSize(21);
    }

    @Test
    void read_all_stops_at_the_upper_bound() {
        // given
        store().append(events(UUID.randomUUID(), 1, 5));
        List<StoredEvent> all = store().readAll(GlobalQuery.after(0, 100));
        long second = all.get(1).position();
        long fourth = all.get(3).position();
        // when
        List<StoredEvent> middle = store().readAll(GlobalQuery.after(second, 100).upTo(fourth));
        // then
        assertThat(middle).containsExactly(all.get(2), all.get(3));
    }

    @Test
    void read_all_filters_by_type_name() {
        // given
        store().append(events(UUID.randomUUID(), 1, 6));
        store().append(events(UUID.randomUUID(), 1, 3));
        // when
        List<StoredEvent> even = store().readAll(GlobalQuery.after(0, 100).ofTypes(Set.of(TestEvents.EVEN_TYPE)));
        List<StoredEvent> firstTwoEven = store().readAll(GlobalQuery.after(0, 2).ofTypes(Set.of(TestEvents.EVEN_TYPE)));
        // then
        assertThat(even).hasSize(4).allMatch(e -> e.type().equals(TestEvents.EVEN_TYPE)).isSortedAccordingTo(
                java.util.Comparator.comparingLong(StoredEvent::position));
        assertThat(firstTwoEven).containsExactlyElementsOf(even.subList(0, 2));
        assertThat(store().readAll(GlobalQuery.after(0, 100).ofTypes(Set.of("NoSuchType")))).isEmpty();
    }

    @Test
    void a_rejected_append_leaves_no_event_visible_by_position() {
        // given
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 2));
        List<StoredEvent> before = store().readAll(GlobalQuery.after(0, 100));
        // when
        assertThatThrownBy(() -> store().append(concat(events(UUID.randomUUID(), 1, 3), events(id, 2, 2))))
                .isInstanceOf(ConcurrencyConflictException.class);
        store().append(events(id, 3, 3));
        // then
        List<StoredEvent> after = store().readAll(GlobalQuery.after(0, 100));
        assertThat(after).hasSize(3).startsWith(before.toArray(StoredEvent[]::new));
        assertThat(after.get(2).position()).isGreaterThan(before.get(1).position());
    }
}
