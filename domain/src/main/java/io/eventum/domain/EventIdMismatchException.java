package io.eventum.domain;

import java.util.UUID;

/** Thrown when an event is applied to an aggregate other than the one it belongs to. */
public final class EventIdMismatchException extends DomainException {

    private final UUID eventAggregateId;

    EventIdMismatchException(UUID aggregateId, long aggregateVersion, Class<?> eventClass, UUID eventAggregateId, long eventVersion) {
        super(aggregateId, aggregateVersion, "event " + eventClass.getSimpleName() + " version " + eventVersion
                + " belongs to aggregate " + eventAggregateId + ", not to aggregate " + aggregateId
                + " (at version " + aggregateVersion + ")");
        this.eventAggregateId = eventAggregateId;
    }

    /** The id of the aggregate the event does belong to. */
    public UUID eventAggregateId() {
        return eventAggregateId;
    }
}
