package io.eventum.domain;

import java.util.UUID;

/**
 * Thrown when an event's version is not exactly the aggregate's current version plus one (or 1
 * for the event that creates an aggregate): an event was skipped, repeated or reordered.
 */
public final class EventVersionMismatchException extends DomainException {

    private final long eventVersion;

    EventVersionMismatchException(UUID aggregateId, long aggregateVersion, DomainEvent event) {
        super(aggregateId, aggregateVersion, "event " + event.getClass().getSimpleName() + " of aggregate "
                + aggregateId + " has version " + event.originatorVersion() + ", expected "
                + (aggregateVersion + 1) + " (the aggregate is at version " + aggregateVersion + ")");
        this.eventVersion = event.originatorVersion();
    }

    /** The version the offending event carries. */
    public long eventVersion() {
        return eventVersion;
    }
}
