package io.eventum.benchmarks.append;

import io.eventum.application.store.EventStore;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.H2Database;

/** Appends to Eventum's {@code JpaEventStore} on H2: one engine per trial, its tables emptied before each iteration. */
public class EventumJpaH2Append extends EventumAppendBenchmark {

    private H2Database database;

    @Override
    protected EventStore emptyStore() {
        if (database == null) {
            database = new H2Database();
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
