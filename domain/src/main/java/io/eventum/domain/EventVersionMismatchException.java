package io.eventum.domain;

import java.util.UUID;

/**
 * Thrown when an event's version is not exactly the aggregate's current version plus one (or 1
 * for the event that creates an aggregate): an event was skipped, repeated or reordered.
 */
public final class EventVersionMismatchException extends DomainException {

    private final long eventVersion;

    EventVersionMismatchException(UUID aggregateId, long aggregateVersion, Class<?> eventClass, long eventVersion) {
        super(aggregateId, aggregateVersion, "event " + eventClass.getSimpleName() + " of aggregate "
                + aggregateId + " has version " + eventVersion + ", expected "
                + (aggregateVersion + 1) + " (the aggregate is at version " + aggregateVersion + ")");
        this.eventVersion = eventVersion;
    }

    /** The version the offending event carries. */
    public long eventVersion() {
        return eventVersion;
    }
}
