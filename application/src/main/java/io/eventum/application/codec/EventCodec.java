package io.eventum.application.codec;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.EventEnvelope;

import java.time.Instant;
import java.util.UUID;

/**
 * Turns events in their envelopes into serialized {@link EventRecord}s and stored events back into
 * events, and does the same for snapshot states. The header (aggregate id, version, timestamp,
 * metadata) goes into the record's own fields; only the event's own data goes into the payload.
 * Classes map to stable type names through an {@link EventTypeRegistry}, so that renaming a class
 * never orphans its stored data, and stored data never names a class to instantiate.
 *
 * <p>An application finds its codec through {@link EventCodecFactory}: Jackson's, unless another is
 * given. Implementations are thread-safe.
 */
public interface EventCodec {

    /**
     * Serializes one event with its header and metadata.
     *
     * @throws EventEncodingException if the event's class is not registered or cannot be serialized
     */
    EventRecord encode(EventEnvelope<?> envelope);

    /**
     * Rebuilds the event a stored event was encoded from: its payload, upcast to the current schema
     * version if it is older. The header stays in the stored event.
     *
     * @throws EventDecodingException naming the aggregate id, version and type if the type name is
     *     not registered or the payload does not decode
     */
    Object decode(StoredEvent stored);

    /**
     * Rebuilds a stored event in its envelope: the decoded event with the stored header and metadata.
     *
     * @throws EventDecodingException as {@link #decode}
     */
    default EventEnvelope<Object> decodeEnvelope(StoredEvent stored) {
        return new EventEnvelope<>(stored.aggregateId(), stored.version(), stored.timestamp(), decode(stored), stored.metadata());
    }

    /**
     * Serializes a snapshot state. The record's timestamp is {@code lastModifiedOn}: the time of the
     * event the state is at.
     *
     * @throws EventEncodingException if the state's class is not registered or does not serialize
     */
    SnapshotRecord encodeSnapshot(UUID aggregateId, long version, Instant createdOn, Instant lastModifiedOn, Object state);

    /**
     * Rebuilds a snapshot's state, upcast to the registered version if it is older.
     *
     * @throws SnapshotDecodingException if the state type is not registered, an upcaster is missing,
     *     or the state does not decode: the snapshot is stale and should be ignored
     */
    DecodedSnapshot decodeSnapshot(SnapshotRecord snapshot);

    /**
     * A decoded snapshot: what the aggregate root needs to be restored at the snapshot's version,
     * and its state.
     *
     * @param aggregateId the aggregate's id
     * @param version the version the state is at
     * @param createdOn when the aggregate was created
     * @param lastModifiedOn when the event at {@code version} happened
     * @param state the decoded state, an instance of the registered state class
     */
    record DecodedSnapshot(UUID aggregateId, long version, Instant createdOn, Instant lastModifiedOn, Object state) {
    }
}
