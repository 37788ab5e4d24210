package io.eventum.benchmarks.append;

import io.eventum.application.store.EventStore;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.PostgresDatabase;

/** Appends to Eventum's {@code JpaEventStore} on Postgres: one engine per trial, its tables emptied before each iteration. */
public class EventumJpaPostgresAppend extends EventumAppendBenchmark {

    private PostgresDatabase database;

    @Override
    protected EventStore emptyStore() {
        if (database == null) {
            database = new PostgresDatabase();
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
