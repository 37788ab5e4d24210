package io.eventum.application;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.SnapshotCodec;
import io.eventum.application.codec.SnapshotDecodingException;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.Mutator;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Loads aggregates of one type by replaying their stored events through the type's mutator, and
 * saves the pending events of aggregates atomically.
 *
 * <p>Loading streams the events from the store: decode, then apply, one at a time. With
 * {@link Snapshotting} configured, a load starts from the latest usable snapshot at or below the
 * requested version and applies only the events after it, so load time stops growing with the
 * length of the stream. A discarded or never-created aggregate is not found.
 *
 * <p>Thread-safe: each call works on its own aggregate instance.
 *
 * @param <A> the aggregate type
 * @param <E> its event type
 */
public class Repository<A extends AggregateRoot<A, E>, E extends DomainEvent> {

    private static final System.Logger LOG = System.getLogger(Repository.class.getName());

    private final EventStore store;
    private final EventCodec codec;
    private final Class<E> eventType;
    private final Mutator<A, E> mutator;
    private final SnapshotStore snapshotStore;
    private final SnapshotCodec snapshotCodec;
    private final Snapshotting<A, ?> snapshotting;
    private final SnapshotPolicies policies;

    /**
     * A repository without snapshots.
     *
     * @param store where the events are
     * @param codec how they are serialized
     * @param eventType the aggregate's event type; a stored event of another type fails the load
     * @param mutator the aggregate's mutator
     */
    public Repository(EventStore store, EventCodec codec, Class<E> eventType, Mutator<A, E> mutator) {
        this(store, codec, eventType, mutator, null, null, null, new SnapshotPolicies());
    }

    /**
     * A repository that loads from snapshots and takes them as {@code snapshotting} says.
     *
     * @param snapshotStore where the snapshots are
     * @param snapshotCodec how snapshot states are serialized
     * @param snapshotting what to capture and restore, and how often
     */
    public Repository(EventStore store, EventCodec codec, Class<E> eventType, Mutator<A, E> mutator,
                      SnapshotStore snapshotStore, SnapshotCodec snapshotCodec, Snapshotting<A, ?> snapshotting) {
        this(store, codec, eventType, mutator, Objects.requireNonNull(snapshotStore, "snapshotStore"),
                Objects.requireNonNull(snapshotCodec, "snapshotCodec"), Objects.requireNonNull(snapshotting, "snapshotting"),
                new SnapshotPolicies());
    }

    Repository(EventStore store, EventCodec codec, Class<E> eventType, Mutator<A, E> mutator, SnapshotStore snapshotStore,
               SnapshotCodec snapshotCodec, Snapshotting<A, ?> snapshotting, SnapshotPolicies policies) {
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.mutator = Objects.requireNonNull(mutator, "mutator");
        this.snapshotStore = snapshotStore;
        this.snapshotCodec = snapshotCodec;
        this.snapshotting = snapshotting;
        this.policies = policies;
        if (snapshotting != null) {
            policies.register(snapshotting.aggregateClass(), this);
        }
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
     * The aggregate's state at {@code version}: from the latest snapshot at or below it, if any,
     * plus the events after that snapshot up to {@code version}.
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
     * Whether the aggregate exists and is not discarded. Loads it to find out.
     *
     * @throws AggregateTypeMismatchException if the id belongs to another aggregate type
     * @throws EventStoreException if the store fails
     */
    public boolean contains(UUID id) {
        return load(id, Long.MAX_VALUE).aggregate != null;
    }

    /**
     * Appends the pending events of all given aggregates, of any type, in ONE atomic append, and
     * clears their pending lists only after it succeeded. Aggregates with nothing pending are
     * skipped; with nothing pending at all, nothing is appended. Snapshots due by policy are taken
     * after the append committed; a failed snapshot is logged and never fails the save.
     *
     * @throws io.eventum.application.store.ConcurrencyConflictException if another writer saved one
     *     of these aggregates first; nothing was stored and every aggregate keeps its pending events
     * @throws io.eventum.application.codec.EventEncodingException if an event's class is not
     *     registered; nothing was stored
     * @throws EventStoreException if the store fails; nothing was stored
     */
    public void save(AggregateRoot<?, ?>... aggregates) {
        policies.afterSave(PendingEvents.save(store, codec, null, aggregates));
    }

    /**
     * Takes a snapshot of the aggregate's current state now.
     *
     * @return the version the snapshot was taken at
     * @throws IllegalStateException if this repository has no snapshotting configured
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
     * @throws IllegalStateException if this repository has no snapshotting configured
     * @throws AggregateNotFoundException if the aggregate did not exist, or was discarded, at that version
     * @throws EventStoreException if a store fails
     */
    public long takeSnapshot(UUID id, long version) {
        if (snapshotting == null) {
            throw new IllegalStateException("cannot take a snapshot of aggregate " + id + ": this repository has no Snapshotting configured");
        }
        A aggregate = get(id, version);
        saveSnapshot(aggregate);
        return aggregate.version();
    }

    /** Called after a save: takes a snapshot if the policy says one is due. Never throws. */
    void snapshotIfDue(AggregateRoot<?, ?> saved, long versionBefore) {
        if (saved.isDiscarded() || !snapshotting.isDue(versionBefore, saved.version())) {
            return;
        }
        try {
            saveSnapshot(snapshotting.aggregateClass().cast(saved));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not take the snapshot of aggregate " + saved.id() + " at version " + saved.version()
                    + " after its events were saved; loads replay more events until the next snapshot", e);
        }
    }

    private void saveSnapshot(A aggregate) {
        Object state = snapshotting.capture().apply(aggregate);
        snapshotStore.save(snapshotCodec.encodeSnapshot(aggregate.id(), aggregate.version(), aggregate.createdOn(),
                aggregate.lastModifiedOn(), state));
    }

    private Replay load(UUID id, long version) {
        Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("aggregate " + id + ": version must be at least 1, was " + version);
        }
        A start = snapshotting == null ? null : restoreLatestSnapshot(id, version).orElse(null);
        Replay replay = new Replay(start);
        AggregateQuery query = AggregateQuery.all().upTo(version);
        store.read(id, start == null ? query : query.after(start.version()), replay);
        return replay;
    }

    /** The aggregate rebuilt from its latest usable snapshot at or below {@code version}, if any. */
    private Optional<A> restoreLatestSnapshot(UUID id, long version) {
        Optional<SnapshotRecord> latest = snapshotStore.latest(id, version);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        try {
            SnapshotCodec.DecodedSnapshot decoded = snapshotCodec.decodeSnapshot(latest.get());
            return Optional.of(restore(decoded));
        } catch (SnapshotDecodingException | ClassCastException e) {
            LOG.log(Level.WARNING, "ignoring a stale snapshot of aggregate " + id + " at version " + latest.get().version()
                    + "; loading from its events instead: " + e.getMessage());
            return Optional.empty();
        }
    }

    private <S> A restore(SnapshotCodec.DecodedSnapshot decoded) {
        @SuppressWarnings("unchecked")
        Snapshotting<A, S> typed = (Snapshotting<A, S>) snapshotting;
        A restored = typed.restore().apply(decoded.restored(), typed.stateClass().cast(decoded.state()));
        if (restored == null || !restored.id().equals(decoded.restored().id()) || restored.version() != decoded.restored().version()) {
            throw new IllegalStateException("the restore function of " + snapshotting.aggregateClass().getName()
                    + " must return the aggregate at the snapshot's id and version (call super(restored))");
        }
        return restored;
    }

    /** Decodes and applies one stored event at a time. */
    private final class Replay implements Consumer<StoredEvent> {
        private A aggregate;
        private boolean existed;

        Replay(A start) {
            this.aggregate = start;
            this.existed = start != null;
        }

        @Override
        public void accept(StoredEvent stored) {
            DomainEvent decoded = codec.decode(stored);
            if (!eventType.isInstance(decoded)) {
                throw new AggregateTypeMismatchException(stored.aggregateId(), stored.version(), stored.type(),
                        decoded.getClass(), eventType);
            }
            aggregate = AggregateRoot.mutate(mutator, aggregate, eventType.cast(decoded));
            existed = true;
        }
    }
}
