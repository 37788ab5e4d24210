package io.eventum.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Builds an event from the three values the aggregate assigns: its id, the next version and the
 * current time. Command methods pass one to {@link AggregateRoot#trigger(EventFactory)}, usually
 * as a record's constructor reference or a lambda, so that they never compute versions by hand.
 *
 * @param <E> the event type built
 */
@FunctionalInterface
public interface EventFactory<E extends DomainEvent> {

    /**
     * Builds the event.
     *
     * @param originatorId the aggregate's id
     * @param originatorVersion the version the event brings the aggregate to
     * @param timestamp the time the event happens, truncated to microseconds
     * @return the event; never null
     */
    E create(UUID originatorId, long originatorVersion, Instant timestamp);
}
