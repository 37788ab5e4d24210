package io.eventum.application;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventEncodingException;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.Mutator;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Loads aggregates of one type by replaying their stored events through the type's mutator, and
 * saves the pending events of aggregates atomically.
 *
 * <p>Loading streams the events from the store: decode, then apply, one at a time. A discarded or
 * never-created aggregate is not found. Thread-safe: each call works on its own aggregate instance.
 *
 * @param <A> the aggregate type
 * @param <E> its event type
 */
public class Repository<A extends AggregateRoot<A, E>, E extends DomainEvent> {

    private final EventStore store;
    private final EventCodec codec;
    private final Class<E> eventType;
    private final Mutator<A, E> mutator;

    /**
     * @param store where the events are
     * @param codec how they are serialized
     * @param eventType the aggregate's event type; a stored event of another type fails the load
     * @param mutator the aggregate's mutator
     */
    public Repository(EventStore store, EventCodec codec, Class<E> eventType, Mutator<A, E> mutator) {
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.mutator = Objects.requireNonNull(mutator, "mutator");
    }

    /**
     * The aggregate's current state, rebuilt from all its events.
     *
     * @throws AggregateNotFoundException if the aggregate was never created or has been discarded
     * @throws AggregateTypeMismatchException if the id belongs to another aggregate type
     * @throws EventDecodingException if a stored event does not decode
     * @throws io.eventum.domain.DomainException if stored events do not follow each other
     * @throws io.eventum.application.store.EventStoreException if the store fails
     */
    public A get(UUID id) {
        return get(id, Long.MAX_VALUE);
    }

    /**
     * The aggregate's state at {@code version}, rebuilt from its events up to that version.
     *
     * @throws AggregateNotFoundException if the aggregate did not exist, or was discarded, at that version
     * @throws AggregateTypeMismatchException if the id belongs to another aggregate type
     * @throws EventDecodingException if a stored event does not decode
     * @throws io.eventum.domain.DomainException if stored events do not follow each other
     * @throws io.eventum.application.store.EventStoreException if the store fails
     */
    public A get(UUID id, long version) {
        Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("aggregate " + id + ": version must be at least 1, was " + version);
        }
        Replay replay = new Replay();
        store.read(id, AggregateQuery.all().upTo(version), replay);
        if (replay.aggregate == null) {
            throw new AggregateNotFoundException(id, version, replay.applied > 0);
        }
        return replay.aggregate;
    }

    /**
     * Whether the aggregate exists and is not discarded. Loads it to find out.
     *
     * @throws AggregateTypeMismatchException if the id belongs to another aggregate type
     * @throws io.eventum.application.store.EventStoreException if the store fails
     */
    public boolean contains(UUID id) {
        Objects.requireNonNull(id, "id");
        Replay replay = new Replay();
        store.read(id, AggregateQuery.all(), replay);
        return replay.aggregate != null;
    }

    /**
     * Appends the pending events of all given aggregates, of any type, in ONE atomic append, and
     * clears their pending lists only after it succeeded. Aggregates with nothing pending are
     * skipped; with nothing pending at all, nothing is appended.
     *
     * @throws io.eventum.application.store.ConcurrencyConflictException if another writer saved one
     *     of these aggregates first; nothing was stored and every aggregate keeps its pending events
     * @throws EventEncodingException if an event's class is not registered; nothing was stored
     * @throws io.eventum.application.store.EventStoreException if the store fails; nothing was stored
     */
    public void save(AggregateRoot<?, ?>... aggregates) {
        PendingEvents.save(store, codec, null, aggregates);
    }

    /** Decodes and applies one stored event at a time. */
    private final class Replay implements Consumer<StoredEvent> {
        private A aggregate;
        private int applied;

        @Override
        public void accept(StoredEvent stored) {
            DomainEvent decoded = codec.decode(stored);
            if (!eventType.isInstance(decoded)) {
                throw new AggregateTypeMismatchException(stored.aggregateId(), stored.version(), stored.type(),
                        decoded.getClass(), eventType);
            }
            aggregate = AggregateRoot.mutate(mutator, aggregate, eventType.cast(decoded));
            applied++;
        }
    }
}
