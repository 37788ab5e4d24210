package io.eventum.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of an aggregate with its header: which aggregate it belongs to, the version it brings
 * that aggregate to, when it happened, and the metadata it was saved with. The event itself is a
 * plain record of domain data; the framework owns the envelope, as Axon's
 * {@code DomainEventMessage} or Marten's {@code IEvent<T>} do, and stores the header beside the
 * event, never inside it.
 *
 * <p>An aggregate's first event has version 1, each later one exactly the previous plus one.
 * Timestamps have microsecond precision. A pending event (applied, not yet saved) has empty
 * metadata: metadata is given when it is saved.
 *
 * @param aggregateId the id of the aggregate the event belongs to
 * @param version the version the event brings its aggregate to; at least 1
 * @param timestamp when the event happened
 * @param event the event
 * @param metadata string key-value pairs saved with the event (user id, correlation and causation
 *     ids, ...); empty, never null
 * @param <E> the event type
 */
public record EventEnvelope<E>(UUID aggregateId, long version, Instant timestamp, E event, Map<String, String> metadata) {

    /**
     * Checks the header and copies the metadata.
     *
     * @throws NullPointerException if the id, timestamp or event is null
     * @throws IllegalArgumentException if the version is below 1
     */
    public EventEnvelope {
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(event, "event");
        if (version < 1) {
            throw new IllegalArgumentException("event " + event.getClass().getSimpleName() + " of aggregate " + aggregateId
                    + " has version " + version + ": versions start at 1");
        }
        metadata = metadata == null || metadata.isEmpty() ? Map.of() : Map.copyOf(metadata);
    }

    /** The same event with other metadata. */
    public EventEnvelope<E> withMetadata(Map<String, String> newMetadata) {
        return new EventEnvelope<>(aggregateId, version, timestamp, event, newMetadata);
    }
}
