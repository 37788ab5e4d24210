package io.eventum.domain;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The descriptor of one aggregate type, declared once, usually as a constant of the aggregate class:
 * the aggregate class, its sealed event interface, its mutator, and optionally its snapshot state
 * and policy and the events that discard it.
 *
 * <pre>{@code
 * static final AggregateType<Dog, Event> TYPE = AggregateType.of(Dog.class, Event.class, Dog::mutate);
 *
 * static final AggregateType<Account, Event> TYPE = AggregateType.builder(Account.class, Event.class)
 *         .mutator(Account::mutate)
 *         .discardedBy(Closed.class)
 *         .snapshots(State.class, Account::state, Account::new).snapshotEvery(100)
 *         .name(Deposited.class, "Account.MoneyDeposited")              // instead of "Account.Deposited"
 *         .version(Opened.class, 2).upcaster(Opened.class, 1, json -> { json.put("currency", "EUR"); return json; })
 *         .build();
 * }</pre>
 *
 * <p>Stored type names come from the sealed interface's permitted classes (see
 * {@link StoredType#defaultName}), each overridable once; older names stay readable through
 * {@linkplain Builder#alias aliases}. Everything is checked when the descriptor is built: an event
 * class that cannot be named, a name used twice, an override of a class the aggregate does not
 * store, an event whose schema version lacks an upcaster. An application additionally checks that
 * no two of its aggregate types share a name.
 *
 * <p>The descriptor is also how aggregates come to exist: {@link #create} builds a new one from its
 * creation event, {@link #applyStored} replays a stored event, and {@link #restore} rebuilds one from a
 * snapshot. It gives each aggregate its id, version and timestamps, and checks that events follow each
 * other. Immutable and thread-safe.
 *
 * @param <A> the aggregate type
 * @param <E> its event type, a sealed interface
 */
public final class AggregateType<A extends AggregateRoot<A, E>, E> {

    private final Class<A> aggregateClass;
    private final Class<E> eventType;
    private final Mutator<A, E> mutator;
    private final EnvelopeMutator<A, E> envelopeMutator;
    private final List<StoredType> eventTypes;
    private final Set<Class<?>> discarding;
    private final StoredType stateType;
    private final Function<? super A, ?> capture;
    private final Function<Object, ? extends A> restore;
    private final int snapshotEvery;

    private AggregateType(Class<A> aggregateClass, Class<E> eventType, Mutator<A, E> mutator, EnvelopeMutator<A, E> envelopeMutator,
                          List<StoredType> eventTypes, Set<Class<?>> discarding, StoredType stateType,
                          Function<? super A, ?> capture, Function<Object, ? extends A> restore, int snapshotEvery) {
        this.aggregateClass = aggregateClass;
        this.eventType = eventType;
        this.mutator = mutator;
        this.envelopeMutator = envelopeMutator;
        this.eventTypes = eventTypes;
        this.discarding = discarding;
        this.stateType = stateType;
        this.capture = capture;
        this.restore = restore;
        this.snapshotEvery = snapshotEvery;
    }

    /**
     * The descriptor of an aggregate with default type names, no snapshots and no discarding events.
     *
     * @throws IllegalArgumentException if the event type is not sealed or one of its events cannot be named
     */
    public static <A extends AggregateRoot<A, E>, E> AggregateType<A, E> of(Class<A> aggregateClass, Class<E> eventType,
                                                                          Mutator<A, E> mutator) {
        return builder(aggregateClass, eventType).mutator(mutator).build();
    }

    /** A builder for a descriptor with more than the defaults; give it a mutator. */
    public static <A extends AggregateRoot<A, E>, E> Builder<A, E> builder(Class<A> aggregateClass, Class<E> eventType) {
        return new Builder<>(aggregateClass, eventType);
    }

    /** The aggregate class. */
    public Class<A> aggregateClass() {
        return aggregateClass;
    }

    /** The aggregate's event type: the sealed interface its events implement. */
    public Class<E> eventType() {
        return eventType;
    }

    /** How each event class is stored, in the order the sealed interface permits them. */
    public List<StoredType> eventTypes() {
        return eventTypes;
    }

    /** How the snapshot state is stored, if the aggregate has snapshots. */
    public Optional<StoredType> snapshotStateType() {
        return Optional.ofNullable(stateType);
    }

    /** Take a snapshot each time a save crosses a multiple of this many events; 0 for on-demand snapshots only. */
    public int snapshotEvery() {
        return snapshotEvery;
    }

    /** Whether events of {@code eventClass} discard the aggregate (declared with {@link Builder#discardedBy}). */
    public boolean isDiscardedBy(Class<?> eventClass) {
        return discarding.contains(eventClass);
    }

    /**
     * This descriptor with another automatic snapshot policy, for an application that snapshots the
     * same aggregate more or less often.
     *
     * @param events take a snapshot each time a save crosses a multiple of this many events; 0 for never
     * @throws IllegalStateException if the aggregate has no snapshot state
     * @throws IllegalArgumentException if {@code events} is negative
     */
    public AggregateType<A, E> withSnapshotEvery(int events) {
        requireSnapshots("set a snapshot policy");
        if (events < 0) {
            throw new IllegalArgumentException("snapshots of " + aggregateClass.getSimpleName() + ": every must be 0 or more, was " + events);
        }
        return new AggregateType<>(aggregateClass, eventType, mutator, envelopeMutator, eventTypes, discarding, stateType,
                capture, restore, events);
    }

    /**
     * Creates a new aggregate with a random id from its creation event: applies the event through
     * the mutator and records it as pending, at version 1 and the current time.
     *
     * @throws IllegalStateException if the mutator does not build a new aggregate from the event
     */
    public A create(E event) {
        return create(UUID.randomUUID(), event);
    }

    /**
     * Creates a new aggregate with the given id from its creation event; see {@link #create(Object)}.
     * Saving it fails with a concurrency conflict if an aggregate with this id was already saved.
     *
     * @throws IllegalStateException if the mutator does not build a new aggregate from the event
     */
    public A create(UUID id, E event) {
        Objects.requireNonNull(id, "id");
        requireEvent(event);
        EventEnvelope<E> created = new EventEnvelope<>(id, 1, AggregateRoot.now(), event, Map.of());
        A aggregate = applyStored(null, id, 1, created.timestamp(), Map.of(), event);
        if (aggregate == null) {
            throw new IllegalStateException("the mutator of " + aggregateClass.getSimpleName() + " discarded aggregate " + id
                    + " in its creation event " + event.getClass().getSimpleName());
        }
        aggregate.recordPending(created);
        return aggregate;
    }

    /**
     * Applies one stored event: checks that it belongs to the aggregate and follows its current
     * version, applies it through the mutator, and keeps the aggregate's id, version and timestamps.
     * Repositories replay through here; commands go through {@link AggregateRoot#apply}. An envelope
     * is built only for an {@link EnvelopeMutator}.
     *
     * @param aggregate the current state, or {@code null} before the first event
     * @return the aggregate after the event, or {@code null} if the event discarded it
     * @throws EventIdMismatchException if the event belongs to another aggregate
     * @throws EventVersionMismatchException if the event's version is not the current version + 1
     *     (or 1 for the first event)
     * @throws AggregateDiscardedException if the aggregate was discarded before this event
     * @throws IllegalStateException if the mutator breaks its contract (see {@link Mutator}), or
     *     discards the aggregate on an event not declared with {@link Builder#discardedBy} (or keeps it
     *     on one that is)
     */
    public A applyStored(A aggregate, UUID aggregateId, long version, Instant timestamp, Map<String, String> metadata, E event) {
        if (aggregate == null) {
            if (version != 1) {
                throw new EventVersionMismatchException(aggregateId, 0, event.getClass(), version);
            }
            A created = mutate(null, aggregateId, version, timestamp, metadata, event);
            if (created != null) {
                created.initialize(this, aggregateId, version, timestamp, timestamp);
            }
            return created;
        }
        AggregateRoot<A, E> root = aggregate;
        if (!root.id().equals(aggregateId)) {
            throw new EventIdMismatchException(root.id(), root.version(), event.getClass(), aggregateId, version);
        }
        if (root.isDiscarded()) {
            throw new AggregateDiscardedException(root.id(), root.version(), "apply " + event.getClass().getSimpleName());
        }
        if (version != root.version() + 1) {
            throw new EventVersionMismatchException(root.id(), root.version(), event.getClass(), version);
        }
        A next = mutate(aggregate, aggregateId, version, timestamp, metadata, event);
        if (next == null) {
            root.markDiscarded();
        } else if (next != aggregate) {
            throw new IllegalStateException("the mutator of " + aggregateClass.getSimpleName() + " must return the aggregate it was"
                    + " given, or null to discard it; it returned another object for " + event.getClass().getSimpleName()
                    + " version " + version + " of aggregate " + aggregateId);
        }
        root.advance(version, timestamp);
        return next;
    }

    /** A command's new event: applied like a stored one. The aggregate records it as pending. */
    void applyNew(A aggregate, EventEnvelope<E> envelope) {
        requireEvent(envelope.event());
        applyStored(aggregate, envelope.aggregateId(), envelope.version(), envelope.timestamp(), envelope.metadata(), envelope.event());
    }

    private A mutate(A aggregate, UUID aggregateId, long version, Instant timestamp, Map<String, String> metadata, E event) {
        A next = mutator != null ? mutator.apply(aggregate, event)
                : envelopeMutator.apply(aggregate, new EventEnvelope<>(aggregateId, version, timestamp, event, metadata));
        if (aggregate == null) {
            if (next == null) {
                throw new IllegalStateException("the mutator of " + aggregateClass.getSimpleName() + " returned null for "
                        + event.getClass().getSimpleName() + " at version 1 of aggregate " + aggregateId
                        + ": the first event must create the aggregate");
            }
            return next;
        }
        boolean declared = discarding.contains(event.getClass());
        if ((next == null) != declared) {
            throw new IllegalStateException("the mutator of " + aggregateClass.getSimpleName() + (next == null ? " discarded" : " kept")
                    + " aggregate " + aggregateId + " on " + event.getClass().getSimpleName() + " version " + version
                    + (declared ? ", which its AggregateType declares as discarding it"
                    : ", which its AggregateType does not declare with discardedBy(" + event.getClass().getSimpleName()
                    + ".class): declare it, so that repositories can tell a discarded aggregate without replaying it"));
        }
        return next;
    }

    /**
     * The aggregate's snapshot state, from its snapshot capture function.
     *
     * @throws IllegalStateException if the aggregate has no snapshot state, or the capture function returns null
     */
    public Object capture(A aggregate) {
        requireSnapshots("capture a snapshot");
        Object state = capture.apply(aggregate);
        if (state == null) {
            throw new IllegalStateException("the snapshot capture function of " + aggregateClass.getSimpleName()
                    + " returned null for aggregate " + aggregate.id());
        }
        return state;
    }

    /**
     * Rebuilds an aggregate from a snapshot state with the restore function, at the snapshot's
     * version, without replaying its events.
     *
     * @throws IllegalStateException if the aggregate has no snapshot state, or the restore function
     *     does not return a new aggregate
     * @throws ClassCastException if {@code state} is not of the snapshot state class
     */
    public A restore(UUID id, long version, Instant createdOn, Instant lastModifiedOn, Object state) {
        requireSnapshots("restore a snapshot");
        if (version < 1) {
            throw new IllegalArgumentException("aggregate " + id + ": a snapshot's version must be at least 1, was " + version);
        }
        A restored = restore.apply(stateType.type().cast(state));
        if (restored == null) {
            throw new IllegalStateException("the snapshot restore function of " + aggregateClass.getSimpleName() + " returned null");
        }
        restored.initialize(this, id, version, createdOn, lastModifiedOn);
        return restored;
    }

    private void requireSnapshots(String what) {
        if (stateType == null) {
            throw new IllegalStateException("cannot " + what + " of " + aggregateClass.getSimpleName()
                    + ": its AggregateType declares no snapshot state (AggregateType.builder(...).snapshots(...))");
        }
    }

    private void requireEvent(E event) {
        Objects.requireNonNull(event, "event");
        if (!eventType.isInstance(event)) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not an event of " + aggregateClass.getName());
        }
    }

    @Override
    public String toString() {
        return "AggregateType[" + aggregateClass.getName() + "]";
    }

    /**
     * Collects a descriptor's parts; {@link #build()} checks them all. Not thread-safe.
     *
     * @param <A> the aggregate type
     * @param <E> its event type
     */
    public static final class Builder<A extends AggregateRoot<A, E>, E> {

        private final Class<A> aggregateClass;
        private final Class<E> eventType;
        private final TypeCatalog catalog;
        private Mutator<A, E> mutator;
        private EnvelopeMutator<A, E> envelopeMutator;
        private final Set<Class<?>> discarding = new java.util.LinkedHashSet<>();
        private Class<?> stateClass;
        private Function<? super A, ?> capture;
        private Function<Object, ? extends A> restore;
        private int snapshotEvery;

        private Builder(Class<A> aggregateClass, Class<E> eventType) {
            this.aggregateClass = Objects.requireNonNull(aggregateClass, "aggregateClass");
            this.eventType = Objects.requireNonNull(eventType, "eventType");
            this.catalog = new TypeCatalog(aggregateClass);
        }

        /** The mutator: {@code (aggregate or null, event) -> aggregate or null}. */
        public Builder<A, E> mutator(Mutator<A, E> mutator) {
            requireNoMutatorYet();
            this.mutator = Objects.requireNonNull(mutator, "mutator");
            return this;
        }

        /** A mutator that receives each event in its envelope, with its timestamp, version and metadata. */
        public Builder<A, E> envelopeMutator(EnvelopeMutator<A, E> mutator) {
            requireNoMutatorYet();
            this.envelopeMutator = Objects.requireNonNull(mutator, "mutator");
            return this;
        }

        /**
         * Declares the events on which the mutator returns {@code null}, discarding the aggregate. A
         * repository then knows a discarded aggregate from its last event alone.
         */
        @SafeVarargs
        public final Builder<A, E> discardedBy(Class<? extends E>... eventClasses) {
            for (Class<? extends E> eventClass : eventClasses) {
                discarding.add(Objects.requireNonNull(eventClass, "event class"));
            }
            return this;
        }

        /** Stores {@code type} (an event class or the snapshot state class) under {@code name} instead of its default name. */
        public Builder<A, E> name(Class<?> type, String name) {
            catalog.name(type, name);
            return this;
        }

        /** Lets data stored under {@code oldName} decode as {@code type}, at the same schema versions: for renaming a type name. */
        public Builder<A, E> alias(Class<?> type, String oldName) {
            catalog.alias(type, oldName);
            return this;
        }

        /** The current schema version of {@code type} (1 unless given); give events an {@link #upcaster} for each older version. */
        public Builder<A, E> version(Class<?> type, int version) {
            catalog.version(type, version);
            return this;
        }

        /** The upcaster that turns stored data of {@code type} at {@code fromVersion} into {@code fromVersion + 1}. */
        public Builder<A, E> upcaster(Class<?> type, int fromVersion, Upcaster upcaster) {
            catalog.upcaster(type, fromVersion, upcaster);
            return this;
        }

        /**
         * Snapshots: what state to capture and how to rebuild the aggregate from it (typically a
         * constructor taking the state; the framework sets its id, version and timestamps).
         *
         * @param stateClass the state class, usually a record; stored under its default name unless {@link #name named}
         * @param capture returns the aggregate's state; called only on aggregates that are not discarded
         * @param restore builds the aggregate from a captured state
         */
        @SuppressWarnings("unchecked")
        public <S> Builder<A, E> snapshots(Class<S> stateClass, Function<? super A, ? extends S> capture,
                                           Function<? super S, ? extends A> restore) {
            if (this.stateClass != null) {
                throw new IllegalStateException(aggregateClass.getSimpleName() + " already has snapshots of " + this.stateClass.getName());
            }
            this.stateClass = Objects.requireNonNull(stateClass, "stateClass");
            this.capture = Objects.requireNonNull(capture, "capture");
            this.restore = (Function<Object, ? extends A>) (Function<?, ? extends A>) Objects.requireNonNull(restore, "restore");
            return this;
        }

        /** Takes a snapshot automatically each time a save crosses a multiple of {@code events} events. */
        public Builder<A, E> snapshotEvery(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("snapshots of " + aggregateClass.getSimpleName() + ": every must be at least 1, was " + events);
            }
            this.snapshotEvery = events;
            return this;
        }

        /**
         * The descriptor, checked.
         *
         * @throws IllegalArgumentException if an event class cannot be named, a name is used twice, an
         *     override names a class the aggregate does not store, or an upcaster chain is incomplete
         * @throws IllegalStateException if no mutator was given, or a snapshot policy without snapshots
         */
        public AggregateType<A, E> build() {
            if (mutator == null && envelopeMutator == null) {
                throw new IllegalStateException("the AggregateType of " + aggregateClass.getName() + " needs a mutator");
            }
            if (Modifier.isAbstract(aggregateClass.getModifiers())) {
                throw new IllegalArgumentException("the aggregate class " + aggregateClass.getName() + " is abstract");
            }
            if (snapshotEvery > 0 && stateClass == null) {
                throw new IllegalStateException("snapshotEvery(" + snapshotEvery + ") for " + aggregateClass.getSimpleName()
                        + " needs snapshots(stateClass, capture, restore)");
            }
            List<StoredType> all = catalog.build(eventType, stateClass);
            List<StoredType> events = stateClass == null ? all : all.subList(0, all.size() - 1);
            for (Class<?> discard : discarding) {
                if (events.stream().noneMatch(type -> type.type() == discard)) {
                    throw new IllegalArgumentException("discardedBy(" + discard.getName() + "): not an event of " + aggregateClass.getName());
                }
            }
            return new AggregateType<>(aggregateClass, eventType, mutator, envelopeMutator, List.copyOf(events), Set.copyOf(discarding),
                    stateClass == null ? null : all.get(all.size() - 1), capture, restore, snapshotEvery);
        }

        private void requireNoMutatorYet() {
            if (mutator != null || envelopeMutator != null) {
                throw new IllegalStateException("the AggregateType of " + aggregateClass.getName() + " already has a mutator");
            }
        }
    }
}
