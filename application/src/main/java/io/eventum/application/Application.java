package io.eventum.application;

import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.SnapshotStore;
import io.eventum.application.store.Tracking;
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
    private final SnapshotStore snapshotStore;
    private final JacksonEventCodec codec;
    private final SnapshotPolicies snapshotPolicies = new SnapshotPolicies();

    /**
     * An application over {@code store}, serializing the registry's types with Jackson. If the store
     * is also a {@link SnapshotStore} (every Eventum store is), snapshots are kept there.
     */
    protected Application(EventStore store, EventTypeRegistry types) {
        this(store, store instanceof SnapshotStore snapshots ? snapshots : null, new JacksonEventCodec(types));
    }

    /**
     * An application over an event store and a separate snapshot store (or {@code null} for none),
     * with a Jackson codec of the caller's configuration.
     */
    protected Application(EventStore store, SnapshotStore snapshotStore, JacksonEventCodec codec) {
        this.store = Objects.requireNonNull(store, "store");
        this.snapshotStore = snapshotStore;
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** A repository for one aggregate type, without snapshots. */
    protected final <A extends AggregateRoot<A, E>, E extends DomainEvent> Repository<A, E> repository(
            Class<E> eventType, Mutator<A, E> mutator) {
        return new Repository<>(store, codec, eventType, mutator, null, null, null, snapshotPolicies);
    }

    /**
     * A repository for one aggregate type that loads from snapshots and takes them as
     * {@code snapshotting} says, automatically after saves through this application or any of its
     * repositories.
     *
     * @throws IllegalStateException if this application has no snapshot store, or snapshots of the
     *     aggregate class are already configured
     */
    protected final <A extends AggregateRoot<A, E>, E extends DomainEvent> Repository<A, E> repository(
            Class<E> eventType, Mutator<A, E> mutator, Snapshotting<A, ?> snapshotting) {
        if (snapshotStore == null) {
            throw new IllegalStateException("cannot snapshot " + snapshotting.aggregateClass().getName()
                    + ": this application was given no SnapshotStore");
        }
        return new Repository<>(store, codec, eventType, mutator, snapshotStore, codec, snapshotting, snapshotPolicies);
    }

    /**
     * Appends the pending events of all given aggregates in ONE atomic append; see
     * {@link Repository#save}.
     *
     * @throws io.eventum.application.store.ConcurrencyConflictException if another writer saved one
     *     of them first; nothing was stored and every aggregate keeps its pending events
     */
    public void save(AggregateRoot<?, ?>... aggregates) {
        save(null, aggregates);
    }

    /** Saves with a follower's tracking record in the same atomic append; for process applications. */
    final void save(Tracking tracking, AggregateRoot<?, ?>... aggregates) {
        snapshotPolicies.afterSave(PendingEvents.save(store, codec, tracking, aggregates));
    }

    /** The event store this application writes to. */
    public EventStore store() {
        return store;
    }

    /** The codec this application serializes events and snapshots with. */
    public JacksonEventCodec codec() {
        return codec;
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }
}
