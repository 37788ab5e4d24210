package io.eventum.application.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as a store returns it: the {@link EventRecord} that was appended, plus the global
 * position the store assigned when it committed.
 *
 * @param position the event's global position: unique in the store, and increasing in commit order
 * @param aggregateId the aggregate (originator) id
 * @param version the version the event brings its aggregate to
 * @param type the stable type name of the event
 * @param payload the event's fields as UTF-8 JSON; read-only: a store may hand the same array to
 *     every reader (the in-memory store does, to keep replay free of copies)
 * @param metadata the metadata stored with the event; empty, never null
 * @param timestamp when the event happened
 */
public record StoredEvent(long position, UUID aggregateId, long version, String type, byte[] payload,
                          Map<String, String> metadata, Instant timestamp) {

    /** Normalizes absent metadata to an empty map; stores build these from trusted rows. */
    public StoredEvent {
        metadata = metadata == null || metadata.isEmpty() ? Map.of() : metadata;
    }

    /** The event without its position, as it was appended. */
    public EventRecord record() {
        return new EventRecord(aggregateId, version, type, payload, metadata, timestamp);
    }

    /** The payload as a JSON string. */
    public String payloadJson() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredEvent that
                && position == that.position
                && version == that.version
                && Objects.equals(aggregateId, that.aggregateId)
                && Objects.equals(type, that.type)
                && Arrays.equals(payload, that.payload)
                && metadata.equals(that.metadata)
                && Objects.equals(timestamp, that.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, aggregateId, version, type, Arrays.hashCode(payload), metadata, timestamp);
    }

    @Override
    public String toString() {
        return "StoredEvent[#" + position + " " + aggregateId + " v" + version + " " + type + " "
                + (payload == null ? "null" : payloadJson()) + (metadata.isEmpty() ? "" : " " + metadata) + " at " + timestamp + "]";
    }
}
