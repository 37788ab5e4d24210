package io.eventum.domain;

import java.util.UUID;

/** Thrown when a command or event reaches an aggregate that has been discarded. */
public final class AggregateDiscardedException extends DomainException {

    AggregateDiscardedException(UUID aggregateId, long aggregateVersion, String attempted) {
        super(aggregateId, aggregateVersion, "aggregate " + aggregateId + " was discarded at version "
                + aggregateVersion + " and refuses: " + attempted);
    }
}
