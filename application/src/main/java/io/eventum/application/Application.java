package io.eventum.application;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.EventStore;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.Mutator;

import java.util.Objects;

/**
 * The base class of an event-sourced application service: it owns the event store and the codec,
 * hands out {@link Repository repositories} for its aggregate types, and saves aggregates.
 *
 * <pre>{@code
 * class Bank extends Application {
 *     final Repository<Account, Account.Event> accounts;
 *     Bank(EventStore store) {
 *         super(store, Account.EVENT_TYPES);
 *         accounts = repository(Account.Event.class, Account::mutate);
 *     }
 * }
 * try (Bank bank = new Bank(new InMemoryEventStore())) { ... }
 * }</pre>
 *
 * <p>Closing the application closes its store. Thread-safe if its store is (every Eventum store is).
 */
public class Application implements AutoCloseable {

    private final EventStore store;
    private final EventCodec codec;

    /** An application over {@code store}, serializing the registry's event types with Jackson. */
    protected Application(EventStore store, EventTypeRegistry eventTypes) {
        this(store, new JacksonEventCodec(eventTypes));
    }

    /** An application over {@code store} with a codec of the caller's choosing. */
    protected Application(EventStore store, EventCodec codec) {
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** A repository for one aggregate type, over this application's store and codec. */
    protected final <A extends AggregateRoot<A, E>, E extends DomainEvent> Repository<A, E> repository(
            Class<E> eventType, Mutator<A, E> mutator) {
        return new Repository<>(store, codec, eventType, mutator);
    }

    /**
     * Appends the pending events of all given aggregates in ONE atomic append; see
     * {@link Repository#save}.
     *
     * @throws io.eventum.application.store.ConcurrencyConflictException if another writer saved one
     *     of them first; nothing was stored and every aggregate keeps its pending events
     */
    public void save(AggregateRoot<?, ?>... aggregates) {
        PendingEvents.save(store, codec, null, aggregates);
    }

    /** The event store this application writes to. */
    public EventStore store() {
        return store;
    }

    /** The codec this application serializes events with. */
    public EventCodec codec() {
        return codec;
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }
}
