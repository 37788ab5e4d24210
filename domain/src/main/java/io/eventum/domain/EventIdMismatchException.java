package io.eventum.domain;

import java.util.UUID;

/** Thrown when an event is applied to an aggregate other than the one it belongs to. */
public final class EventIdMismatchException extends DomainException {

    private final UUID eventOriginatorId;

    EventIdMismatchException(UUID aggregateId, long aggregateVersion, DomainEvent event) {
        super(aggregateId, aggregateVersion, "event " + event.getClass().getSimpleName() + " version "
                + event.originatorVersion() + " belongs to aggregate " + event.originatorId()
                + ", not to aggregate " + aggregateId + " (at version " + aggregateVersion + ")");
        this.eventOriginatorId = event.originatorId();
    }

    /** The id of the aggregate the event does belong to. */
    public UUID eventOriginatorId() {
        return eventOriginatorId;
    }
}
