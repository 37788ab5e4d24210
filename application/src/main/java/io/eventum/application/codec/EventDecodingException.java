package io.eventum.application.codec;

import java.util.UUID;

/**
 * A stored event could not be turned back into a domain event: its type name is not registered,
 * or its payload is corrupt or does not fit the registered class. Names the aggregate id, version
 * and type name, so the offending record can be found.
 */
public class EventDecodingException extends RuntimeException {

    private final UUID aggregateId;
    private final long version;
    private final String type;

    /**
     * @param aggregateId the stored event's aggregate
     * @param version the stored event's version
     * @param type the stored type name
     * @param problem what went wrong
     * @param cause the underlying error, or null
     */
    public EventDecodingException(UUID aggregateId, long version, String type, String problem, Throwable cause) {
        super("cannot decode stored event of aggregate " + aggregateId + " version " + version + " type '" + type
                + "': " + problem, cause);
        this.aggregateId = aggregateId;
        this.version = version;
        this.type = type;
    }

    /** The aggregate of the event that did not decode. */
    public UUID aggregateId() {
        return aggregateId;
    }

    /** The version of the event that did not decode. */
    public long version() {
        return version;
    }

    /** The stored type name of the event that did not decode. */
    public String type() {
        return type;
    }
}
