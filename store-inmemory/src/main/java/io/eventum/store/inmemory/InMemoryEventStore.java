package io.eventum.store.inmemory;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventBatches;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
import io.eventum.application.store.StoredEvent;
import io.eventum.application.store.Tracking;
import io.eventum.application.store.TrackingConflictException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * An {@link EventStore} and {@link SnapshotStore} in the JVM's memory. It keeps the serialized
 * form, exactly as a database store does, so code tested against it exercises the codec too.
 *
 * <p>Appends are serialized by one lock: a batch is checked whole (input, then conflicts) before
 * anything is written, so it is stored entirely or not at all, and positions follow commit order.
 * Reads take no lock. Payloads are copied on the way in, so a caller that reuses its buffer cannot
 * change a stored event; on the way out every reader gets the stored array, which it must not modify. The store keeps the newest
 * {@value #SNAPSHOTS_KEPT} snapshots of each aggregate. Everything is lost when the store is
 * closed or the JVM exits.
 */
public final class InMemoryEventStore implements EventStore, SnapshotStore {

    static final int SNAPSHOTS_KEPT = 3;

    private final ReentrantLock appendLock = new ReentrantLock();
    private final AppendOnlyLog allEvents = new AppendOnlyLog();
    private final Map<UUID, AggregateStream> streams = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<Long>> trackedPositions = new ConcurrentHashMap<>();
    private final Map<UUID, NavigableMap<Long, SnapshotRecord>> snapshots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Override
    public List<Long> append(List<EventRecord> events, Tracking tracking) {
        requireOpen();
        EventBatches.requireValid(events, tracking);
        appendLock.lock();
        try {
            if (tracking != null && trackedPositions.getOrDefault(tracking.follower(), emptySet()).contains(tracking.position())) {
                throw new TrackingConflictException(tracking.follower(), tracking.position(), null);
            }
            for (EventRecord event : events) {
                AggregateStream stream = streams.get(event.aggregateId());
                if (stream != null && stream.contains(event.version())) {
                    throw new ConcurrencyConflictException(event.aggregateId(), event.version(), null);
                }
            }
            List<Long> positions = new ArrayList<>(events.size());
            Map<UUID, AggregateStream> touched = new LinkedHashMap<>();
            for (EventRecord event : events) {
                long position = allEvents.stagedSize() + 1L;
                StoredEvent stored = new StoredEvent(position, event.aggregateId(), event.version(), event.type(),
                        event.payload().clone(), event.metadata(), event.timestamp());
                AggregateStream stream = touched.computeIfAbsent(event.aggregateId(),
                        id -> streams.getOrDefault(id, new AggregateStream()));
                touched.put(event.aggregateId(), stream.stage(stored));
                allEvents.stage(stored);
                positions.add(position);
            }
            // Publish each stream whole, then the global log: readers never see part of a batch.
            touched.forEach((id, stream) -> {
                stream.publish();
                streams.put(id, stream);
            });
            allEvents.publish();
            if (tracking != null) {
                trackedPositions.computeIfAbsent(tracking.follower(), f -> new ConcurrentSkipListSet<>()).add(tracking.position());
            }
            return positions;
        } finally {
            appendLock.unlock();
        }
    }

    private static NavigableSet<Long> emptySet() {
        return java.util.Collections.emptyNavigableSet();
    }

    @Override
    public void read(UUID aggregateId, AggregateQuery query, Consumer<? super StoredEvent> action) {
        requireOpen();
        requireArgument(aggregateId, "aggregate id");
        requireArgument(query, "query");
        requireArgument(action, "action");
        AggregateStream stream = streams.get(aggregateId);
        if (stream != null) {
            stream.read(query, action);
        }
    }

    @Override
    public List<StoredEvent> readAll(GlobalQuery query) {
        requireOpen();
        requireArgument(query, "query");
        int size = allEvents.size();
        List<StoredEvent> page = new ArrayList<>(Math.min(query.limit(), 256));
        // Positions are index + 1, so the events after position p start at index p.
        long start = Math.min(query.afterPosition(), size);
        for (int i = (int) start; i < size && page.size() < query.limit(); i++) {
            StoredEvent event = allEvents.get(i);
            if (event.position() > query.upToPosition()) {
                break;
            }
            if (query.matches(event)) {
                page.add(event);
            }
        }
        return page;
    }

    @Override
    public long lastPosition() {
        requireOpen();
        return allEvents.size();
    }

    @Override
    public long trackedPosition(String follower) {
        requireOpen();
        Tracking.requireFollower(follower);
        NavigableSet<Long> positions = trackedPositions.get(follower);
        return positions == null || positions.isEmpty() ? 0 : positions.last();
    }

    @Override
    public void save(SnapshotRecord snapshot) {
        requireOpen();
        requireArgument(snapshot, "snapshot");
        NavigableMap<Long, SnapshotRecord> kept = snapshots.computeIfAbsent(snapshot.aggregateId(), id -> new ConcurrentSkipListMap<>());
        kept.put(snapshot.version(), new SnapshotRecord(snapshot.aggregateId(), snapshot.version(), snapshot.type(),
                snapshot.state().clone(), snapshot.timestamp()));
        while (kept.size() > SNAPSHOTS_KEPT) {
            kept.pollFirstEntry();
        }
    }

    @Override
    public Optional<SnapshotRecord> latest(UUID aggregateId, long version) {
        requireOpen();
        requireArgument(aggregateId, "aggregate id");
        if (version < 1) {
            throw new IllegalArgumentException("aggregate " + aggregateId + ": snapshot version must be at least 1, was " + version);
        }
        NavigableMap<Long, SnapshotRecord> kept = snapshots.get(aggregateId);
        return kept == null ? Optional.empty() : Optional.ofNullable(kept.floorEntry(version)).map(Map.Entry::getValue);
    }

    /** Forgets everything stored; afterwards every method but this one throws {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this in-memory event store is closed");
        }
    }

    private static void requireArgument(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }
}
