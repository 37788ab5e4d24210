package io.eventum.store.tck;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.Tracking;
import io.eventum.application.store.TrackingConflictException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Exactly-once processing: a follower's tracking record is stored atomically with its events. */
abstract class TrackingContract {

    abstract EventStore store();

    @Test
    void an_unknown_follower_has_tracked_nothing() {
        assertThat(store().trackedPosition("projection")).isZero();
    }

    @Test
    void the_tracked_position_is_the_highest_recorded_per_follower() {
        // when
        store().append(events(UUID.randomUUID(), 1, 1), new Tracking("projection", 3));
        store().append(events(UUID.randomUUID(), 1, 2), new Tracking("projection", 7));
        store().append(events(UUID.randomUUID(), 1, 1), new Tracking("projection", 5));
        store().append(events(UUID.randomUUID(), 1, 1), new Tracking("other", 2));
        // then
        assertThat(store().trackedPosition("projection")).isEqualTo(7);
        assertThat(store().trackedPosition("other")).isEqualTo(2);
    }

    @Test
    void tracking_with_an_empty_event_list_is_recorded() {
        // when
        List<Long> positions = store().append(List.of(), new Tracking("policy", 11));
        // then
        assertThat(positions).isEmpty();
        assertThat(store().trackedPosition("policy")).isEqualTo(11);
        assertThat(store().lastPosition()).isZero();
    }

    @Test
    void a_duplicate_tracking_record_is_rejected_together_with_its_events() {
        // given
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        store().append(events(first, 1, 2), new Tracking("policy", 4));
        long lastPosition = store().lastPosition();
        // when
        TrackingConflictException conflict = catchThrowableOfType(TrackingConflictException.class,
                () -> store().append(events(second, 1, 2), new Tracking("policy", 4)));
        // then
        assertThat(conflict).isNotNull();
        assertThat(conflict.follower()).isEqualTo("policy");
        assertThat(conflict.position()).isEqualTo(4);
        assertThat(store().read(second, AggregateQuery.all())).isEmpty();
        assertThat(store().lastPosition()).isEqualTo(lastPosition);
    }

    @Test
    void a_duplicate_tracking_record_without_events_is_rejected() {
        // given
        store().append(List.of(), new Tracking("policy", 9));
        // when
        TrackingConflictException conflict = catchThrowableOfType(TrackingConflictException.class,
                () -> store().append(List.of(), new Tracking("policy", 9)));
        // then
        assertThat(conflict).isNotNull();
        assertThat(store().trackedPosition("policy")).isEqualTo(9);
    }

    @Test
    void an_event_conflict_stores_no_tracking_record() {
        // given
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 2));
        // when
        ConcurrencyConflictException conflict = catchThrowableOfType(ConcurrencyConflictException.class,
                () -> store().append(events(id, 2, 3), new Tracking("policy", 1)));
        // then
        assertThat(conflict).isNotNull();
        assertThat(store().trackedPosition("policy")).isZero();
        assertThat(versions(store().read(id, AggregateQuery.all()))).containsExactly(1L, 2L);
        store().append(events(id, 3, 3), new Tracking("policy", 1));
        assertThat(store().trackedPosition("policy")).isEqualTo(1);
    }

    @Test
    void when_both_the_tracking_record_and_an_event_conflict_the_tracking_conflict_is_reported() {
        // given a follower that processed position 3 and wrote version 1 of an aggregate
        UUID id = UUID.randomUUID();
        store().append(events(id, 1, 1), new Tracking("policy", 3));
        // when it processes position 3 again
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> store().append(events(id, 1, 1), new Tracking("policy", 3)));
        // then
        assertThat(failure).isInstanceOf(TrackingConflictException.class);
    }

    @Test
    void followers_track_the_same_position_independently() {
        // when
        store().append(List.of(), new Tracking("a", 5));
        store().append(List.of(), new Tracking("b", 5));
        // then
        assertThat(store().trackedPosition("a")).isEqualTo(5);
        assertThat(store().trackedPosition("b")).isEqualTo(5);
    }
}
