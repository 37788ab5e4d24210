package io.eventum.benchmarks.append;

import io.eventum.application.store.EventStore;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.Database;

/**
 * Appends to Eventum's {@code JpaEventStore}: one database per trial, its schema created once and
 * its tables emptied before each iteration. A subclass says which database to start.
 */
public abstract class EventumJpaAppendBenchmark extends EventumAppendBenchmark {

    private Database database;

    /** Starts this trial's database, empty. */
    protected abstract Database startDatabase();

    @Override
    protected EventStore emptyStore() {
        if (database == null) {
            database = startDatabase();
            EventumStores.jpa(database).close();
        }
        EventumStores.emptyJpaTables(database);
        return EventumStores.jpa(database);
    }

    @Override
    protected void stopEngine() {
        database.close();
        database = null;
    }
}
