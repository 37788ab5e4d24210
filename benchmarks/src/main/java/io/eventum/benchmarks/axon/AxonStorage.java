package io.eventum.benchmarks.axon;

import io.eventum.benchmarks.db.Database;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;

/**
 * Where an Axon benchmark keeps its events: one of Axon's storage engines, with whatever engine
 * (database) it needs started for the trial and stopped by {@link #close()}.
 */
public interface AxonStorage extends AutoCloseable {

    /**
     * A storage engine holding no events: the same engine emptied, or a new one. Append benchmarks
     * ask for one before every iteration, so that the store does not grow from one to the next.
     */
    EventStorageEngine emptyEngine();

    /** Stops what the storage started. */
    @Override
    void close();

    /** Axon's {@code InMemoryEventStorageEngine}: it keeps event message objects, never serialized. */
    static AxonStorage inMemory() {
        return new InMemoryAxonStorage();
    }

    /** Axon's {@code JdbcEventStorageEngine} with its {@code JacksonSerializer} on {@code database}. */
    static AxonStorage jdbc(Database database, EventTableFactory tables) {
        return new JdbcAxonStorage(database, tables);
    }
}
