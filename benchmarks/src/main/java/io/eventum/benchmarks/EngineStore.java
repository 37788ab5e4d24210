package io.eventum.benchmarks;

import io.eventum.application.store.EventStore;
import io.eventum.benchmarks.db.H2Database;
import io.eventum.benchmarks.db.InProcessMongo;
import io.eventum.benchmarks.db.PostgresDatabase;
import io.eventum.store.inmemory.InMemoryEventStore;

import java.util.function.Supplier;

/**
 * An Eventum store on an engine started for it alone, for one trial of a replay benchmark: the
 * in-memory store, the JPA store on a new H2 or embedded PostgreSQL database, or the Mongo store on
 * a new in-process server. The benchmark's application closes the store;
 * {@link #stopEngine()} then stops the engine.
 *
 * @param store the store, empty
 * @param engine stops the engine under the store; does nothing for the in-memory store
 */
public record EngineStore(EventStore store, AutoCloseable engine) {

    /** The in-memory store, which needs no engine. */
    public static EngineStore inMemory() {
        return new EngineStore(new InMemoryEventStore(), () -> { });
    }

    /** The JPA store on a new in-memory H2 database. */
    public static EngineStore jpaOnH2() {
        H2Database database = new H2Database();
        return onEngine(database, () -> EventumStores.jpa(database));
    }

    /** The JPA store on a new embedded PostgreSQL. */
    public static EngineStore jpaOnPostgres() {
        PostgresDatabase database = new PostgresDatabase();
        return onEngine(database, () -> EventumStores.jpa(database));
    }

    /** The Mongo store on a new in-process wire-protocol server, through the real driver. */
    public static EngineStore mongoInProcess() {
        InProcessMongo server = new InProcessMongo();
        return onEngine(server, () -> EventumStores.mongo(server));
    }

    /** Opens the store on a started engine, stopping the engine if the store cannot be opened. */
    private static EngineStore onEngine(AutoCloseable engine, Supplier<EventStore> store) {
        try {
            return new EngineStore(store.get(), engine);
        } catch (RuntimeException e) {
            try {
                engine.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Stops the engine; call it after the store is closed. */
    public void stopEngine() {
        try {
            engine.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the engine under " + store.getClass().getSimpleName(), e);
        }
    }
}
