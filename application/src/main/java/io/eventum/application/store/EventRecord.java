package io.eventum.application.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One serialized event, as handed to {@link EventStore#append}. Stores keep every field exactly,
 * the payload as an equal JSON object (a store with a JSON column type may reorder its keys or
 * change its whitespace), and the timestamp at microsecond precision: the constructor truncates it.
 * The constructor refuses what not every store could keep exactly (see {@link StoredValues}).
 *
 * @param aggregateId the aggregate (originator) id
 * @param version the version the event brings its aggregate to; at least 1
 * @param type the stable type name the codec registered for the event class
 * @param payload the event's own fields as one UTF-8 JSON object; the id, version and
 *     timestamp are not repeated inside it
 * @param metadata string key-value pairs stored with the event (correlation ids and the like);
 *     empty, never null
 * @param timestamp when the event happened
 */
public record EventRecord(UUID aggregateId, long version, String type, byte[] payload,
                          Map<String, String> metadata, Instant timestamp) {

    /**
     * Checks every field by the rules of {@link StoredValues}, so that a bad record fails where it is
     * made, before any store sees it, the same way for every store.
     *
     * @throws IllegalArgumentException if a field is missing, the version is below 1, the type name,
     *     metadata, timestamp or payload breaks a rule of {@link StoredValues}; the message names the
     *     aggregate id, version and type
     */
    public EventRecord {
        RecordHeader.EVENT.check(aggregateId, version, type, "payload", payload, timestamp);
        if (metadata != null && !metadata.isEmpty()) {
            metadata = copy(metadata, aggregateId, version, type);
            String metadataProblem = StoredValues.problemWithMetadata(metadata);
            if (metadataProblem != null) {
                throw new IllegalArgumentException("the " + RecordHeader.EVENT.where(aggregateId, version, type) + " is refused: "
                        + metadataProblem);
            }
        } else {
            metadata = Map.of();
        }
        RecordHeader.EVENT.checkBody(aggregateId, version, type, "payload", payload);
        timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, String> copy(Map<String, String> metadata, UUID aggregateId, long version, String type) {
        try {
            return Map.copyOf(metadata);
        } catch (NullPointerException nullKeyOrValue) {
            throw new IllegalArgumentException("the " + RecordHeader.EVENT.where(aggregateId, version, type)
                    + " has a null metadata key or value");
        }
    }

    /** The payload as a JSON string. */
    public String payloadJson() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The same event with the global position a store assigned to it. */
    public StoredEvent at(long position) {
        return new StoredEvent(position, aggregateId, version, type, payload, metadata, timestamp);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventRecord that
                && version == that.version
                && aggregateId.equals(that.aggregateId)
                && type.equals(that.type)
                && Arrays.equals(payload, that.payload)
                && metadata.equals(that.metadata)
                && timestamp.equals(that.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aggregateId, version, type, Arrays.hashCode(payload), metadata, timestamp);
    }

    @Override
    public String toString() {
        return "EventRecord[" + aggregateId + " v" + version + " " + type + " " + payloadJson()
                + (metadata.isEmpty() ? "" : " " + metadata) + " at " + timestamp + "]";
    }
}
