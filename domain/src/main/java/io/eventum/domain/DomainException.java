package io.eventum.domain;

import java.util.UUID;

/**
 * The base of the exceptions the domain model throws when an event cannot be applied or a
 * command cannot run. Each names the aggregate id and the versions involved.
 */
public abstract class DomainException extends RuntimeException {

    private final UUID aggregateId;
    private final long aggregateVersion;

    protected DomainException(UUID aggregateId, long aggregateVersion, String message) {
        super(message);
        this.aggregateId = aggregateId;
        this.aggregateVersion = aggregateVersion;
    }

    /** The aggregate the failure concerns. */
    public UUID aggregateId() {
        return aggregateId;
    }

    /** The aggregate's version when it failed (0 if it did not exist yet). */
    public long aggregateVersion() {
        return aggregateVersion;
    }
}
