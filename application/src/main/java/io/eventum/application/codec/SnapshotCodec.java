package io.eventum.application.codec;

import io.eventum.application.store.SnapshotRecord;
import io.eventum.domain.AggregateRoot;

import java.time.Instant;
import java.util.UUID;

/**
 * Turns an aggregate's snapshot state into a {@link SnapshotRecord} and back. State classes are
 * registered in the {@link EventTypeRegistry} with {@link EventTypeRegistry.Builder#registerState}.
 * Implementations are thread-safe.
 */
public interface SnapshotCodec {

    /**
     * Serializes a snapshot state. The record's timestamp is {@code lastModifiedOn}: the time of
     * the event the state is at.
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
     * A decoded snapshot: the aggregate's id, version and timestamps, and its state.
     *
     * @param restored what the aggregate root needs to be restored at the snapshot's version
     * @param state the decoded state, an instance of the registered state class
     */
    record DecodedSnapshot(AggregateRoot.Restored restored, Object state) {
    }
}
