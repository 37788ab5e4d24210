package io.eventum.application.store;

import java.util.UUID;

/**
 * An append failed because an event with the same aggregate id and version is already stored:
 * another writer changed the aggregate first. Nothing of the failed append was stored. Reload the
 * aggregate, re-run the command and save again.
 */
public class ConcurrencyConflictException extends EventStoreException {

    private final UUID aggregateId;
    private final long version;

    /**
     * @param aggregateId the aggregate whose version was taken
     * @param version the version that was already stored
     * @param cause the store's own error, or null
     */
    public ConcurrencyConflictException(UUID aggregateId, long version, Throwable cause) {
        super("concurrency conflict: aggregate " + aggregateId + " already has an event at version " + version
                + "; nothing of this append was stored", cause);
        this.aggregateId = aggregateId;
        this.version = version;
    }

    /** The aggregate whose version was already taken. */
    public UUID aggregateId() {
        return aggregateId;
    }

    /** The version that was already stored. */
    public long version() {
        return version;
    }
}
