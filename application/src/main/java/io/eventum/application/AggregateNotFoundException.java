package io.eventum.application;

import java.util.UUID;

/**
 * No aggregate with the requested id exists at the requested version: it was never created, or
 * it was discarded.
 */
public class AggregateNotFoundException extends RuntimeException {

    private final UUID aggregateId;

    /**
     * @param aggregateId the id asked for
     * @param version the version asked for, or {@link Long#MAX_VALUE} for the latest
     * @param discarded whether events exist but discard the aggregate
     */
    public AggregateNotFoundException(UUID aggregateId, long version, boolean discarded) {
        super("aggregate " + aggregateId + (version == Long.MAX_VALUE ? "" : " at version " + version)
                + (discarded ? " was discarded" : " was not found"));
        this.aggregateId = aggregateId;
    }

    /** The id that was asked for. */
    public UUID aggregateId() {
        return aggregateId;
    }
}
