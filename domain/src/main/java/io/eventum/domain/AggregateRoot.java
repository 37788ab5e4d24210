package io.eventum.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The root entity of an event-sourced aggregate: the one object outside code may hold, and the
 * only way to change anything inside the aggregate's boundary.
 *
 * <p>A subclass declares its events (plain records sharing a sealed interface), its mutator, and one
 * {@link AggregateType} that names them once. A command method checks the aggregate's invariants and
 * then {@linkplain #apply applies} an event: the event goes through the mutator at once and is kept,
 * in its {@link EventEnvelope}, in the list of {@linkplain #pendingEvents() pending events} until an
 * application saves it. The events of one command, however many, are saved together or not at all.
 *
 * <pre>{@code
 * final class Dog extends AggregateRoot<Dog, Dog.Event> {
 *     sealed interface Event permits Registered, TrickAdded {}
 *     record Registered(String name) implements Event {}
 *     record TrickAdded(String trick) implements Event {}
 *     static final AggregateType<Dog, Event> TYPE = AggregateType.of(Dog.class, Event.class, Dog::mutate);
 *
 *     static Dog mutate(Dog dog, Event event) {
 *         if (event instanceof Registered) return new Dog();
 *         if (event instanceof TrickAdded added) dog.tricks.add(added.trick());
 *         return dog;
 *     }
 *     final List<String> tricks = new ArrayList<>();
 *     static Dog register(String name) { return TYPE.create(new Registered(name)); }
 *     void addTrick(String trick) { apply(new TrickAdded(trick)); }
 * }
 * }</pre>
 *
 * <p>The root keeps the bookkeeping every aggregate needs, taken from the envelopes of its events:
 * its id, its version (the version of the last event applied; 1 after creation), when it was created
 * and last modified, and whether it has been discarded. The mutator never sets these: a subclass's
 * constructor takes only domain state, and the framework fills in the rest once the mutator has
 * built the aggregate. A discarded aggregate refuses further commands with an
 * {@link AggregateDiscardedException}.
 *
 * <p>Aggregates are not thread-safe: load one per unit of work, change it, save it.
 *
 * @param <A> the concrete aggregate type (the subclass itself)
 * @param <E> the aggregate's event type, a sealed interface
 */
public abstract class AggregateRoot<A extends AggregateRoot<A, E>, E> {

    private AggregateType<A, E> type;
    private UUID id;
    private long version;
    private Instant createdOn;
    private Instant lastModifiedOn;
    private boolean discarded;
    private final List<EventEnvelope<E>> pendingEvents = new ArrayList<>(2);

    /**
     * Constructs the aggregate's domain state only. Its id, version and timestamps are set by the
     * {@link AggregateType} once the mutator (or the snapshot restore function) has returned it, so
     * they are not available inside the constructor.
     */
    protected AggregateRoot() {
    }

    /**
     * Applies a new event: wraps it in an envelope with this aggregate's id, the next version and
     * the current time, applies it through the mutator, and records it as pending.
     *
     * @param event the event, a record of domain data only
     * @throws AggregateDiscardedException if this aggregate is discarded
     * @throws IllegalStateException if this aggregate was not built by its {@link AggregateType}, or
     *     the mutator breaks its contract (see {@link Mutator})
     */
    protected final void apply(E event) {
        Objects.requireNonNull(event, "event");
        if (type == null) {
            throw new IllegalStateException("cannot apply " + event.getClass().getSimpleName() + " to a "
                    + getClass().getSimpleName() + " that was constructed directly: create aggregates with their"
                    + " AggregateType (TYPE.create(...)) and load them from a repository");
        }
        requireNotDiscarded("apply " + event.getClass().getSimpleName());
        EventEnvelope<E> envelope = new EventEnvelope<>(id, version + 1, now(), event, Map.of());
        type.applyNew(self(), envelope);
        pendingEvents.add(envelope);
    }

    /**
     * Throws if this aggregate is discarded. Command methods may call it before doing any work.
     *
     * @param command what the caller was about to do, for the exception message
     * @throws AggregateDiscardedException if this aggregate is discarded
     */
    protected final void requireNotDiscarded(String command) {
        if (discarded) {
            throw new AggregateDiscardedException(id, version, command);
        }
    }

    /** This aggregate's id, unique across the application. */
    public final UUID id() {
        return id;
    }

    /** The version of the last event applied, pending ones included; 1 after creation. */
    public final long version() {
        return version;
    }

    /** When the creation event happened. */
    public final Instant createdOn() {
        return createdOn;
    }

    /** When the last applied event happened. */
    public final Instant lastModifiedOn() {
        return lastModifiedOn;
    }

    /** Whether an event has discarded this aggregate; a discarded aggregate accepts no commands. */
    public final boolean isDiscarded() {
        return discarded;
    }

    /** The events applied since the last successful save, oldest first, in their envelopes; an unmodifiable view. */
    public final List<EventEnvelope<E>> pendingEvents() {
        return Collections.unmodifiableList(pendingEvents);
    }

    /** The descriptor of this aggregate's type; null only while its constructor runs. */
    public final AggregateType<A, E> aggregateType() {
        return type;
    }

    /**
     * Forgets the pending events. Applications call this after the events were stored; calling it
     * otherwise loses them.
     *
     * @param saved how many pending events were saved, oldest first
     * @throws IllegalStateException if fewer than {@code saved} events are pending
     */
    public final void markSaved(int saved) {
        if (saved < 0 || saved > pendingEvents.size()) {
            throw new IllegalStateException("aggregate " + id + " has " + pendingEvents.size()
                    + " pending events, cannot mark " + saved + " as saved");
        }
        pendingEvents.subList(0, saved).clear();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id + ", version=" + version + (discarded ? ", discarded" : "") + "]";
    }

    // The framework's side, used by AggregateType in this package only.

    @SuppressWarnings("unchecked")
    private A self() {
        return (A) this;
    }

    /** Gives a freshly built aggregate its type, identity and first timestamps. */
    final void initialize(AggregateType<A, E> type, UUID id, long version, Instant createdOn, Instant lastModifiedOn) {
        if (this.type != null) {
            throw new IllegalStateException("the mutator returned aggregate " + this.id + " (" + getClass().getSimpleName()
                    + ") for a creation event: it must build a new aggregate");
        }
        this.type = type;
        this.id = id;
        this.version = version;
        this.createdOn = createdOn;
        this.lastModifiedOn = lastModifiedOn;
    }

    final boolean isInitialized() {
        return type != null;
    }

    /** Records that an event at {@code newVersion}, which happened {@code at}, was applied. */
    final void advance(long newVersion, Instant at) {
        this.version = newVersion;
        this.lastModifiedOn = at;
    }

    final void markDiscarded() {
        this.discarded = true;
    }

    final void recordPending(EventEnvelope<E> envelope) {
        pendingEvents.add(envelope);
    }

    /** The current time, at the microsecond precision every store keeps exactly. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
