package io.eventum.store.mongo;

import java.util.UUID;

/**
 * The names of the collections, fields and indexes this store writes, in one place: they are the
 * on-disk format, documented in the README, and must not change without a migration.
 */
final class Layout {

    static final String COMMITS = "commits";
    static final String SNAPSHOTS = "snapshots";

    // Commit document: one per append.
    static final String ID = "_id";
    static final String LAST = "last";
    static final String TRACKING = "tracking";
    static final String FOLLOWER = "follower";
    static final String POSITION = "position";
    static final String EVENTS = "events";
    static final String KEYS = "keys";

    // Event sub-document, and (with STATE) the snapshot document.
    static final String AGGREGATE_ID = "aggregateId";
    static final String VERSION = "version";
    static final String TYPE = "type";
    static final String TIMESTAMP = "timestamp";
    static final String NANOS = "nanos";
    static final String METADATA = "metadata";
    static final String PAYLOAD = "payload";
    static final String PAYLOAD_JSON = "payloadJson";
    static final String STATE = "state";
    static final String STATE_JSON = "stateJson";

    static final String KEYS_INDEX = "eventum_event_keys";
    static final String AGGREGATE_INDEX = "eventum_aggregate_commits";
    static final String LAST_INDEX = "eventum_last_position";
    static final String TRACKING_INDEX = "eventum_tracking";
    static final String SNAPSHOT_INDEX = "eventum_snapshot_versions";

    /** Digits of {@link Long#MAX_VALUE}: versions are zero-padded to this width so keys sort by version. */
    private static final int VERSION_DIGITS = 19;
    private static final String ZEROS = "0".repeat(VERSION_DIGITS);

    private Layout() {
    }

    /**
     * The unique key of one event, {@code <aggregate id>:<version, 19 digits>}: one string per event
     * so that a single-field unique index rejects any (aggregate, version) stored twice, however the
     * earlier batches were split, and so that the keys of one aggregate sort by version.
     */
    static String key(UUID aggregateId, long version) {
        String digits = Long.toString(version);
        return aggregateId + ":" + ZEROS.substring(digits.length()) + digits;
    }

    /** The aggregate id of a {@link #key}. */
    static UUID keyAggregate(String key) {
        return UUID.fromString(key.substring(0, key.length() - VERSION_DIGITS - 1));
    }

    /** The version of a {@link #key}. */
    static long keyVersion(String key) {
        return Long.parseLong(key.substring(key.length() - VERSION_DIGITS));
    }
}
