package io.eventum.application.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * An aggregate's serialized state at one version, as a {@link SnapshotStore} keeps it.
 *
 * @param aggregateId the aggregate id
 * @param version the version of the state; at least 1
 * @param type the stable type name of the state, which may carry its schema version
 * @param state the state as one UTF-8 JSON object (stores keep an equal object, not always the same bytes)
 * @param timestamp the time of the event at {@code version}, truncated to microseconds
 */
public record SnapshotRecord(UUID aggregateId, long version, String type, byte[] state, Instant timestamp) {

    /**
     * Checks every field by the rules of {@link StoredValues}.
     *
     * @throws IllegalArgumentException if a field is missing, the version is below 1, or the type
     *     name, timestamp or state breaks a rule of {@link StoredValues}; the message names the
     *     aggregate id, version and type
     */
    public SnapshotRecord {
        RecordHeader.SNAPSHOT.check(aggregateId, version, type, "state", state, timestamp);
        RecordHeader.SNAPSHOT.checkBody(aggregateId, version, type, "state", state);
        timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
    }

    /** The state as a JSON string. */
    public String stateJson() {
        return new String(state, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotRecord that
                && version == that.version
                && aggregateId.equals(that.aggregateId)
                && type.equals(that.type)
                && Arrays.equals(state, that.state)
                && timestamp.equals(that.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aggregateId, version, type, Arrays.hashCode(state), timestamp);
    }

    @Override
    public String toString() {
        return "SnapshotRecord[" + aggregateId + " v" + version + " " + type + " " + stateJson() + " at " + timestamp + "]";
    }
}
