package io.eventum.application;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.EventCodecFactory;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.notification.LocalNotificationLog;
import io.eventum.application.notification.NotificationLog;
import io.eventum.application.projection.Projection;
import io.eventum.application.projection.ProjectionRunner;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.SnapshotStore;
import io.eventum.application.store.Tracking;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * An event-sourced application service: it owns an event store and a codec, hands out a
 * {@link Repository} for each of its aggregate types, and saves aggregates. Build one from a store
 * and the aggregates' descriptors:
 *
 * <pre>{@code
 * try (var app = Application.builder(new InMemoryEventStore()).aggregate(Dog.TYPE).build()) {
 *     Dog fido = Dog.register("Fido");
 *     fido.addTrick("roll over");
 *     app.save(fido);                                        // one atomic append
 *     List<String> tricks = app.repository(Dog.TYPE).get(fido.id()).tricks();
 * }
 * }</pre>
 *
 * or subclass it for command methods, as the seed's {@code ExampleDDDApplication} does:
 *
 * <pre>{@code
 * class DogSchool extends Application {
 *     DogSchool(EventStore store) { super(builder(store).aggregate(Dog.TYPE)); }
 *     UUID register(String name) { Dog dog = Dog.register(name); save(dog); return dog.id(); }
 * }
 * }</pre>
 *
 * <p>The codec is Jackson's unless {@link Builder#codec another is given}. Snapshots are kept in the
 * store if it is also a {@link SnapshotStore} (every Eventum store is), and taken automatically after
 * saves as each aggregate type's {@link AggregateType#snapshotEvery() policy} says. Closing the
 * application closes its store. Thread-safe if its store is (every Eventum store is).
 */
public class Application implements AutoCloseable {

    private final EventStore store;
    private final SnapshotStore snapshotStore;
    private final EventTypeRegistry types;
    private final EventCodec codec;
    private final Map<Class<?>, Repository<?, ?>> repositories = new LinkedHashMap<>();

    /**
     * The application the builder describes; subclasses pass {@code builder(store).aggregate(...)}.
     *
     * @throws IllegalArgumentException if two aggregate types share a stored type name
     * @throws IllegalStateException if an aggregate type has snapshots but there is no snapshot store,
     *     or no codec is given and none is found
     */
    protected Application(Builder builder) {
        this.store = builder.store;
        this.snapshotStore = builder.snapshotStore;
        this.types = EventTypeRegistry.of(builder.aggregateTypes);
        this.codec = Objects.requireNonNull((builder.codecFactory != null ? builder.codecFactory : defaultCodecFactory()).create(types),
                "the codec factory returned null");
        for (AggregateType<?, ?> type : builder.aggregateTypes) {
            if (type.snapshotStateType().isPresent() && snapshotStore == null) {
                throw new IllegalStateException(type.aggregateClass().getSimpleName() + " has snapshots, but this application has no"
                        + " SnapshotStore: use a store that is one, or give one with snapshotStore(...)");
            }
            repositories.put(type.aggregateClass(), newRepository(type));
        }
    }

    /** A builder for an application over {@code store}. */
    public static Builder builder(EventStore store) {
        return new Builder(store);
    }

    private <A extends AggregateRoot<A, E>, E> Repository<A, E> newRepository(AggregateType<A, E> type) {
        return new Repository<>(this, type, type.snapshotStateType().isPresent() ? snapshotStore : null);
    }

    /**
     * The repository of one of this application's aggregate types.
     *
     * @throws IllegalArgumentException if the application was not built with this aggregate type
     */
    @SuppressWarnings("unchecked")
    public final <A extends AggregateRoot<A, E>, E> Repository<A, E> repository(AggregateType<A, E> type) {
        Repository<?, ?> repository = repositories.get(type.aggregateClass());
        if (repository == null) {
            throw new IllegalArgumentException(type.aggregateClass().getSimpleName() + " is not one of this application's aggregate types;"
                    + " build the application with .aggregate(" + type.aggregateClass().getSimpleName() + ".TYPE)");
        }
        return (Repository<A, E>) repository;
    }

    /**
     * Appends the pending events of all given aggregates, of any of this application's types, in ONE
     * atomic append, and clears their pending lists only after it succeeded. Aggregates with nothing
     * pending are skipped; with nothing pending at all, nothing is appended. Snapshots due by policy
     * are taken after the append committed; a failed snapshot is logged and never fails the save.
     *
     * @throws io.eventum.application.store.ConcurrencyConflictException if another writer saved one
     *     of them first; nothing was stored and every aggregate keeps its pending events
     * @throws io.eventum.application.codec.EventEncodingException if an event is not of one of this
     *     application's aggregate types; nothing was stored
     * @throws io.eventum.application.store.EventStoreException if the store fails; nothing was stored
     */
    public void save(AggregateRoot<?, ?>... aggregates) {
        save(null, Map.of(), aggregates);
    }

    /**
     * As {@link #save(AggregateRoot[])}, storing {@code metadata} with every event of the save (a user
     * id, a correlation id: see {@link Metadata}).
     *
     * @throws IllegalArgumentException if the metadata holds a null key or value
     */
    public void save(Map<String, String> metadata, AggregateRoot<?, ?>... aggregates) {
        save(null, metadata, aggregates);
    }

    /** Saves with a follower's tracking record in the same atomic append; for process applications. */
    final void save(Tracking tracking, Map<String, String> metadata, AggregateRoot<?, ?>... aggregates) {
        Objects.requireNonNull(metadata, "metadata");
        List<PendingEvents.Saved> saved = PendingEvents.save(store, codec, tracking, Map.copyOf(metadata), aggregates);
        for (PendingEvents.Saved save : saved) {
            Repository<?, ?> repository = repositories.get(save.aggregate().getClass());
            if (repository != null) {
                repository.snapshotIfDue(save.aggregate(), save.versionBefore());
            }
        }
    }

    /** The event store this application writes to. */
    public final EventStore store() {
        return store;
    }

    /** The codec this application serializes events and snapshots with. */
    public final EventCodec codec() {
        return codec;
    }

    /** Every class this application stores, with its stable type name. */
    public final EventTypeRegistry types() {
        return types;
    }

    /** The notification log of this application's store: every event in position order, for followers. */
    public final NotificationLog notificationLog() {
        return new LocalNotificationLog(store);
    }

    /**
     * A builder for a runner that feeds {@code projection} from this application's notification log,
     * decoding with its codec: {@code app.projectionRunner(view).following(Dog.TYPE).build()}.
     */
    public final ProjectionRunner.Builder projectionRunner(Projection projection) {
        return ProjectionRunner.builder(notificationLog(), codec, projection);
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }

    private static EventCodecFactory defaultCodecFactory() {
        Iterator<EventCodecFactory> found = ServiceLoader.load(EventCodecFactory.class, Application.class.getClassLoader()).iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException("no EventCodecFactory was found on the class path (eventum-application ships Jackson's);"
                    + " give the application a codec with Application.builder(store).codec(...)");
        }
        return found.next();
    }

    /** What an application is built from. Not thread-safe. */
    public static final class Builder {

        private final EventStore store;
        private final List<AggregateType<?, ?>> aggregateTypes = new ArrayList<>();
        private SnapshotStore snapshotStore;
        private EventCodecFactory codecFactory;

        private Builder(EventStore store) {
            this.store = Objects.requireNonNull(store, "store");
            this.snapshotStore = store instanceof SnapshotStore snapshots ? snapshots : null;
        }

        /** Adds aggregate types: the application stores their events and gives each a repository. */
        public Builder aggregate(AggregateType<?, ?>... types) {
            for (AggregateType<?, ?> type : types) {
                aggregateTypes.add(Objects.requireNonNull(type, "aggregate type"));
            }
            return this;
        }

        /** Keeps snapshots in {@code snapshots} rather than in the event store. */
        public Builder snapshotStore(SnapshotStore snapshots) {
            this.snapshotStore = Objects.requireNonNull(snapshots, "snapshots");
            return this;
        }

        /** Serializes with the codec {@code factory} makes, instead of Jackson's default. */
        public Builder codec(EventCodecFactory factory) {
            this.codecFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * The application.
         *
         * @throws IllegalArgumentException if two aggregate types share a stored type name
         * @throws IllegalStateException if an aggregate type has snapshots but there is no snapshot store
         */
        public Application build() {
            return new Application(this);
        }
    }
}
