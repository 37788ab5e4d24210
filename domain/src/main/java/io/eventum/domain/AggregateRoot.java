package io.eventum.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The root entity of an event-sourced aggregate: the one object outside code may hold, and the
 * only way to change anything inside the aggregate's boundary.
 *
 * <p>A subclass declares its events (records sharing a sealed interface) and its {@link Mutator}.
 * A command method checks the aggregate's invariants and then {@linkplain #trigger(EventFactory)
 * triggers} an event: the event is applied through the mutator at once and kept in the list of
 * {@linkplain #pendingEvents() pending events} until a repository saves it. The events of one
 * command, however many, are saved together or not at all.
 *
 * <p>The root keeps the bookkeeping every aggregate needs: its id, its version (the version of
 * the last event applied; 1 after creation), when it was created and last modified, and whether
 * it has been discarded. A discarded aggregate refuses further commands with an
 * {@link AggregateDiscardedException}.
 *
 * <p>Aggregates are not thread-safe: load one per unit of work, change it, save it.
 *
 * @param <A> the concrete aggregate type (the subclass itself)
 * @param <E> the aggregate's event type, usually a sealed interface
 */
public abstract class AggregateRoot<A extends AggregateRoot<A, E>, E extends DomainEvent> {

    private final UUID id;
    private final Instant createdOn;
    private long version;
    private Instant lastModifiedOn;
    private boolean discarded;
    private final List<E> pendingEvents = new ArrayList<>(2);

    /**
     * Creates the aggregate from its creation event. Call it from the constructor the mutator
     * uses for that event.
     *
     * @param created the event that creates the aggregate; its version must be 1
     * @throws EventVersionMismatchException if the event's version is not 1
     */
    protected AggregateRoot(DomainEvent created) {
        Objects.requireNonNull(created, "created event");
        if (created.originatorVersion() != 1) {
            throw new EventVersionMismatchException(created.originatorId(), 0, created);
        }
        this.id = Objects.requireNonNull(created.originatorId(), "originatorId of the created event");
        this.version = 1;
        this.createdOn = Objects.requireNonNull(created.timestamp(), "timestamp of the created event");
        this.lastModifiedOn = createdOn;
    }

    /**
     * Restores an aggregate at a known version without replaying its events, as a snapshot does.
     *
     * @param restored the id, version and timestamps of the state being restored
     */
    protected AggregateRoot(Restored restored) {
        Objects.requireNonNull(restored, "restored");
        this.id = restored.id();
        this.version = restored.version();
        this.createdOn = restored.createdOn();
        this.lastModifiedOn = restored.lastModifiedOn();
    }

    /**
     * The id, version and timestamps of an aggregate restored from a snapshot.
     *
     * @param id the aggregate id
     * @param version the version of the restored state; at least 1
     * @param createdOn when the aggregate was created
     * @param lastModifiedOn when the event at {@code version} happened
     */
    public record Restored(UUID id, long version, Instant createdOn, Instant lastModifiedOn) {
        /** Checks that no value is missing and the version is at least 1. */
        public Restored {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(createdOn, "createdOn");
            Objects.requireNonNull(lastModifiedOn, "lastModifiedOn");
            if (version < 1) {
                throw new IllegalArgumentException("aggregate " + id + ": a restored version must be at least 1, was " + version);
            }
        }
    }

    /** The mutator of this aggregate type: the one function that applies its events. */
    protected abstract Mutator<A, E> mutator();

    /**
     * Creates a new aggregate from its creation event, applied through the mutator, and records
     * the event as pending. Aggregate factories call this.
     *
     * @param mutator the aggregate type's mutator
     * @param created the creation event; its version must be 1
     * @return the new aggregate, with {@code created} as its one pending event
     * @throws EventVersionMismatchException if the event's version is not 1
     * @throws IllegalStateException if the mutator does not build an aggregate with the event's id
     */
    protected static <A extends AggregateRoot<A, E>, E extends DomainEvent> A create(Mutator<A, E> mutator, E created) {
        A aggregate = mutate(mutator, null, created);
        if (aggregate == null) {
            throw new IllegalStateException("the mutator discarded aggregate " + created.originatorId()
                    + " in its creation event " + created.getClass().getName());
        }
        AggregateRoot<A, E> root = aggregate;
        root.pendingEvents.add(created);
        return aggregate;
    }

    /**
     * Applies one event through a mutator, checking that it belongs to the aggregate and follows
     * its current version, and keeping the aggregate's version and timestamps. Both live commands
     * ({@link #trigger}) and replay by a repository go through here.
     *
     * @param mutator the aggregate type's mutator
     * @param aggregate the current state, or {@code null} before the first event
     * @param event the event to apply
     * @return the aggregate after the event, or {@code null} if the event discarded it
     * @throws EventIdMismatchException if the event belongs to another aggregate
     * @throws EventVersionMismatchException if the event's version is not the current version + 1
     *     (or 1 for the first event)
     * @throws AggregateDiscardedException if the aggregate was discarded before this event
     * @throws IllegalStateException if the mutator breaks its contract (see {@link Mutator})
     */
    public static <A extends AggregateRoot<A, E>, E extends DomainEvent> A mutate(Mutator<A, E> mutator, A aggregate, E event) {
        if (aggregate == null) {
            if (event.originatorVersion() != 1) {
                throw new EventVersionMismatchException(event.originatorId(), 0, event);
            }
            A created = mutator.apply(null, event);
            if (created != null && !created.id().equals(event.originatorId())) {
                throw new IllegalStateException("the mutator built aggregate " + created.id()
                        + " from the creation event of aggregate " + event.originatorId());
            }
            return created;
        }
        AggregateRoot<A, E> root = aggregate;
        root.checkCanApply(event);
        A next = mutator.apply(aggregate, event);
        if (next == null) {
            root.discarded = true;
        } else if (next != aggregate) {
            throw new IllegalStateException("the mutator must return the aggregate it was given, or null to discard it;"
                    + " it returned another object for " + event.getClass().getName() + " version "
                    + event.originatorVersion() + " of aggregate " + root.id);
        }
        root.version = event.originatorVersion();
        root.lastModifiedOn = event.timestamp();
        return next;
    }

    private void checkCanApply(DomainEvent event) {
        if (!id.equals(event.originatorId())) {
            throw new EventIdMismatchException(id, version, event);
        }
        if (discarded) {
            throw new AggregateDiscardedException(id, version, event.getClass().getSimpleName());
        }
        if (event.originatorVersion() != version + 1) {
            throw new EventVersionMismatchException(id, version, event);
        }
    }

    /**
     * Triggers a new event built by {@code factory} with this aggregate's id, the next version
     * and the current time: applies it through the mutator and records it as pending.
     *
     * @param factory builds the event, typically a lambda around a record constructor
     * @throws AggregateDiscardedException if this aggregate is discarded
     */
    protected final void trigger(EventFactory<? extends E> factory) {
        requireNotDiscarded("trigger a new event");
        trigger(factory.create(id, version + 1, now()));
    }

    /**
     * Triggers an event the caller built: applies it through the mutator and records it as
     * pending. Prefer {@link #trigger(EventFactory)}, which fills in id, version and time.
     *
     * @param event the event; it must belong to this aggregate and carry version + 1
     * @throws AggregateDiscardedException if this aggregate is discarded
     * @throws EventIdMismatchException if the event belongs to another aggregate
     * @throws EventVersionMismatchException if the event's version is not the current version + 1
     */
    @SuppressWarnings("unchecked")
    protected final void trigger(E event) {
        Objects.requireNonNull(event, "event");
        mutate(mutator(), (A) this, event);
        pendingEvents.add(event);
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

    /** The current time, at the microsecond precision every store keeps exactly. */
    protected static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
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

    /** The events triggered since the last successful save, oldest first; an unmodifiable view. */
    public final List<E> pendingEvents() {
        return Collections.unmodifiableList(pendingEvents);
    }

    /**
     * Forgets the pending events. Repositories call this after the events were stored; calling it
     * otherwise loses them.
     *
     * @param saved how many pending events were saved, oldest first
     * @throws IllegalStateException if fewer than {@code saved} events are pending
     */
    public final void markSaved(int saved) {
        if (saved > pendingEvents.size()) {
            throw new IllegalStateException("aggregate " + id + " has " + pendingEvents.size()
                    + " pending events, cannot mark " + saved + " as saved");
        }
        pendingEvents.subList(0, saved).clear();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id + ", version=" + version + (discarded ? ", discarded" : "") + "]";
    }
}
