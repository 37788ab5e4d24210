package io.eventum.application.codec;

import java.util.UUID;

/**
 * A stored snapshot cannot be used: its state type is unknown, no upcaster lifts its schema
 * version, or it does not decode. Snapshots are only a cache of the events, so repositories log
 * this and load from the events instead.
 */
public class SnapshotDecodingException extends RuntimeException {

    /**
     * @param aggregateId the snapshot's aggregate
     * @param version the snapshot's version
     * @param type the stored state type name
     * @param problem what went wrong
     * @param cause the underlying error, or null
     */
    public SnapshotDecodingException(UUID aggregateId, long version, String type, String problem, Throwable cause) {
        super("cannot use the snapshot of aggregate " + aggregateId + " at version " + version + " (type '" + type + "'): " + problem, cause);
    }
}
