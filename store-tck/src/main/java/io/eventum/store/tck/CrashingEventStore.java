package io.eventum.store.tck;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;
import io.eventum.application.store.Tracking;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Wraps the store under test and, at random, makes an append with tracking fail before it reaches
 * the store or after the store committed it: the two places a follower can crash around a write.
 */
final class CrashingEventStore implements EventStore {

    private final EventStore store;
    private final Random random;
    private final double crashRate;

    CrashingEventStore(EventStore store, Random random, double crashRate) {
        this.store = store;
        this.random = random;
        this.crashRate = crashRate;
    }

    @Override
    public List<Long> append(List<EventRecord> events, Tracking tracking) {
        if (tracking != null && random.nextDouble() < crashRate) {
            throw new EventStoreException("simulated crash before the append");
        }
        List<Long> positions = store.append(events, tracking);
        if (tracking != null && random.nextDouble() < crashRate) {
            throw new EventStoreException("simulated crash after the append committed");
        }
        return positions;
    }

    @Override
    public void read(UUID aggregateId, AggregateQuery query, Consumer<? super StoredEvent> action) {
        store.read(aggregateId, query, action);
    }

    @Override
    public List<StoredEvent> readAll(GlobalQuery query) {
        return store.readAll(query);
    }

    @Override
    public long lastPosition() {
        return store.lastPosition();
    }

    @Override
    public long trackedPosition(String follower) {
        return store.trackedPosition(follower);
    }

    /** Leaves the wrapped store open: the contract owns its lifecycle. */
    @Override
    public void close() {
    }
}
