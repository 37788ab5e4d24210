package io.eventum.application.store;

import java.util.Optional;
import java.util.UUID;

/**
 * The port for storing snapshots: an aggregate's serialized state at a version, so that a load
 * can start there instead of at the first event. One instance serves many threads.
 *
 * <p>Snapshots are a cache of what the events already say: a store may keep only the newest
 * snapshot per aggregate, or a bounded number, and a missing snapshot only makes a load replay
 * more events. A store never returns a snapshot above the version asked for.
 */
public interface SnapshotStore {

    /**
     * Stores a snapshot. Saving the same aggregate and version again replaces it. Saving a version
     * older than one already stored never hides the newer one.
     *
     * @param snapshot the snapshot
     * @throws IllegalArgumentException if the snapshot is null
     * @throws EventStoreException if the store cannot be reached or fails
     */
    void save(SnapshotRecord snapshot);

    /**
     * The newest stored snapshot of the aggregate whose version is at or below {@code version}.
     * Empty if there is none, including when the store has dropped older snapshots.
     *
     * @param aggregateId the aggregate id
     * @param version the highest version wanted; {@link Long#MAX_VALUE} for the newest
     * @throws IllegalArgumentException if the id is null or the version below 1
     * @throws EventStoreException if the store cannot be reached or fails
     */
    Optional<SnapshotRecord> latest(UUID aggregateId, long version);
}
