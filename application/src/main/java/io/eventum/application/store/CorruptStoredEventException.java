package io.eventum.application.store;

import java.util.UUID;

/**
 * A stored event cannot be read back: its row or document was changed behind the store's back, or
 * holds what the store never writes. A permanent failure: reading it again fails again. Names the
 * event's position, aggregate id, version and type, as far as they could be read, so that it can be
 * found and repaired.
 */
public class CorruptStoredEventException extends EventStoreException {

    private final long position;
    private final UUID aggregateId;
    private final long version;

    /**
     * @param position the event's global position, or 0 if it could not be read
     * @param aggregateId the event's aggregate, or null if it could not be read
     * @param version the event's version, or 0 if it could not be read
     * @param type the event's stored type name, or null if it could not be read
     * @param problem what is wrong with it
     * @param cause the underlying error, or null
     */
    public CorruptStoredEventException(long position, UUID aggregateId, long version, String type, String problem, Throwable cause) {
        super("the stored event at position " + position + " (aggregate " + aggregateId + " version " + version + " type "
                + StoredValues.quote(type) + ") cannot be read: " + problem, cause);
        this.position = position;
        this.aggregateId = aggregateId;
        this.version = version;
    }

    /** The event's global position, or 0 if it could not be read. */
    public long position() {
        return position;
    }

    /** The event's aggregate, or null if it could not be read. */
    public UUID aggregateId() {
        return aggregateId;
    }

    /** The event's version, or 0 if it could not be read. */
    public long version() {
        return version;
    }
}
