package io.eventum.application;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.SnapshotDecodingException;
import io.eventum.application.codec.StoredTypeName;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;
import io.eventum.domain.StoredType;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Loads aggregates of one type by replaying their stored events through the type's mutator, and
 * saves them through its {@link Application}. Get one from {@link Application#repository}.
 *
 * <p>Loading streams the events from the store: decode, then apply, one at a time. For an aggregate
 * type with snapshots, a load starts from the latest usable snapshot at or below the requested
 * version and applies only the events after it, so load time stops growing with the length of the
 * stream. A discarded or never-created aggregate is not found.
 *
 * <p>Thread-safe: each call works on its own aggregate instance.
 *
 * @param <A> the aggregate type
 * @param <E> its event type
 */
public final class Repository<A extends AggregateRoot<A, E>, E> {

    private static final System.Logger LOG = System.getLogger(Repository.class.getName());

    private final Application application;
    private final AggregateType<A, E> type;
    private final SnapshotStore snapshotStore;
    /** This aggregate's event types by stored name (current names and aliases, without version). */
    private final Map<String, StoredType> eventTypesByName = new HashMap<>();

    Repository(Application application, AggregateType<A, E> type, SnapshotStore snapshotStore) {
        this.application = application;
        this.type = type;
        this.snapshotStore = snapshotStore;
        for (StoredType stored : type.eventTypes()) {
            eventTypesByName.put(stored.name(), stored);
            stored.aliases().forEach(alias -> eventTypesByName.put(alias, stored));
        }
    }

    /** The descriptor of the aggregates this repository loads. */
    public AggregateType<A, E> type() {
        return type;
    }

    /**
     * The aggregate's current state.
     *
     * @throws AggregateNotFoundException if the aggregate was never created or has been discarded
     * @throws AggregateTypeMismatchException if the id belongs to another aggregate type
     * @throws io.eventum.application.codec.EventDecodingException if a stored event does not decode
     * @throws io.eventum.domain.DomainException if stored events do not follow each other
     * @throws EventStoreException if the store fails
     */
    public A get(UUID id) {
        return get(id, Long.MAX_VALUE);
    }

    /**
     * The aggregate's state at {@code version}: from the latest snapshot at or below it, if any, plus
     * the events after that snapshot up to {@code version}.
     *
     * @throws AggregateNotFoundException if the aggregate did not exist, or was discarded, at that version
     * @throws AggregateTypeMismatchException if the id belongs to another aggregate type
     * @throws io.eventum.application.codec.EventDecodingException if a stored event does not decode
     * @throws io.eventum.domain.DomainException if stored events do not follow each other
     * @throws EventStoreException if the store fails
     */
    public A get(UUID id, long version) {
        Replay replay = load(id, version);
        if (replay.aggregate == null) {
            throw new AggregateNotFoundException(id, version, replay.existed);
        }
        return replay.aggregate;
    }

    /**
     * The aggregate's current state, or empty if it was never created or has been discarded.
     *
     * @throws AggregateTypeMismatchException if the id belongs to another aggregate type
     * @throws io.eventum.application.codec.EventDecodingException if a stored event does not decode
     * @throws EventStoreException if the store fails
     */
    public Optional<A> find(UUID id) {
        return Optional.ofNullable(load(id, Long.MAX_VALUE).aggregate);
    }

    /**
     * Whether the aggregate exists and is not discarded. Reads only its newest event, without
     * decoding it: the aggregate is discarded if that event's type is one its {@link AggregateType}
     * declares as discarding.
     *
     * @throws AggregateTypeMismatchException if the id belongs to another aggregate type
     * @throws EventStoreException if the store fails
     */
    public boolean contains(UUID id) {
        Objects.requireNonNull(id, "id");
        List<StoredEvent> newest = application.store().read(id, AggregateQuery.all().newestFirst().limit(1));
        if (newest.isEmpty()) {
            return false;
        }
        StoredEvent last = newest.get(0);
        StoredType stored = eventTypesByName.get(storedName(last));
        if (stored == null) {
            throw new AggregateTypeMismatchException(id, last.version(), last.type(), type.aggregateClass());
        }
        return !type.isDiscardedBy(stored.type());
    }

    private static String storedName(StoredEvent event) {
        try {
            return StoredTypeName.parse(event.type()).name();
        } catch (IllegalArgumentException malformed) {
            return event.type();
        }
    }

    /**
     * Saves the pending events of the given aggregates in ONE atomic append, through this
     * repository's application: see {@link Application#save(AggregateRoot[])}.
     */
    public void save(AggregateRoot<?, ?>... aggregates) {
        application.save(aggregates);
    }

    /**
     * Takes a snapshot of the aggregate's current state now.
     *
     * @return the version the snapshot was taken at
     * @throws IllegalStateException if the aggregate type has no snapshots
     * @throws AggregateNotFoundException if the aggregate does not exist or is discarded
     * @throws EventStoreException if a store fails
     */
    public long takeSnapshot(UUID id) {
        return takeSnapshot(id, Long.MAX_VALUE);
    }

    /**
     * Takes a snapshot of the aggregate's state at {@code version} (or at its last version, if lower).
     *
     * @return the version the snapshot was taken at
     * @throws IllegalStateException if the aggregate type has no snapshots
     * @throws AggregateNotFoundException if the aggregate did not exist, or was discarded, at that version
     * @throws EventStoreException if a store fails
     */
    public long takeSnapshot(UUID id, long version) {
        if (snapshotStore == null) {
            throw new IllegalStateException("cannot take a snapshot of aggregate " + id + ": " + type.aggregateClass().getSimpleName()
                    + " has no snapshots (AggregateType.builder(...).snapshots(...))");
        }
        A aggregate = get(id, version);
        saveSnapshot(aggregate);
        return aggregate.version();
    }

    /** Called after a save: takes a snapshot if the policy says one is due. Never throws. */
    void snapshotIfDue(AggregateRoot<?, ?> saved, long versionBefore) {
        int every = type.snapshotEvery();
        if (snapshotStore == null || every == 0 || saved.isDiscarded() || saved.version() / every <= versionBefore / every) {
            return;
        }
        try {
            saveSnapshot(type.aggregateClass().cast(saved));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not take the snapshot of aggregate " + saved.id() + " at version " + saved.version()
                    + " after its events were saved; loads replay more events until the next snapshot", e);
        }
    }

    private void saveSnapshot(A aggregate) {
        Object state = type.capture(aggregate);
        snapshotStore.save(application.codec().encodeSnapshot(aggregate.id(), aggregate.version(), aggregate.createdOn(),
                aggregate.lastModifiedOn(), state));
    }

    private Replay load(UUID id, long version) {
        Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("aggregate " + id + ": version must be at least 1, was " + version);
        }
        A start = snapshotStore == null ? null : restoreLatestSnapshot(id, version).orElse(null);
        Replay replay = new Replay(start, application.codec());
        AggregateQuery query = AggregateQuery.all().upTo(version);
        application.store().read(id, start == null ? query : query.after(start.version()), replay);
        return replay;
    }

    /** The aggregate rebuilt from its latest usable snapshot at or below {@code version}, if any. */
    private Optional<A> restoreLatestSnapshot(UUID id, long version) {
        Optional<SnapshotRecord> latest = snapshotStore.latest(id, version);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        try {
            EventCodec.DecodedSnapshot decoded = application.codec().decodeSnapshot(latest.get());
            return Optional.of(type.restore(decoded.aggregateId(), decoded.version(), decoded.createdOn(), decoded.lastModifiedOn(),
                    decoded.state()));
        } catch (SnapshotDecodingException | ClassCastException e) {
            LOG.log(Level.WARNING, "ignoring a stale snapshot of aggregate " + id + " at version " + latest.get().version()
                    + "; loading from its events instead: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Decodes and applies one stored event at a time. */
    private final class Replay implements Consumer<StoredEvent> {
        private final EventCodec codec;
        private A aggregate;
        private boolean existed;

        Replay(A start, EventCodec codec) {
            this.aggregate = start;
            this.existed = start != null;
            this.codec = codec;
        }

        @Override
        public void accept(StoredEvent stored) {
            Object decoded = codec.decode(stored);
            Class<E> eventType = type.eventType();
            if (!eventType.isInstance(decoded)) {
                throw new AggregateTypeMismatchException(stored.aggregateId(), stored.version(), stored.type(), type.aggregateClass());
            }
            aggregate = type.applyStored(aggregate, stored.aggregateId(), stored.version(), stored.timestamp(), stored.metadata(),
                    eventType.cast(decoded));
            existed = true;
        }
    }
}
