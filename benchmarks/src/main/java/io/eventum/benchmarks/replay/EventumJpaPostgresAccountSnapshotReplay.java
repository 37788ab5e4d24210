package io.eventum.benchmarks.replay;

import io.eventum.application.store.EventStore;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.PostgresDatabase;

/** Loads an account with snapshots every 100 events, from the JPA store on the embedded PostgreSQL. */
public class EventumJpaPostgresAccountSnapshotReplay extends EventumAccountSnapshotReplayBenchmark {

    private PostgresDatabase database;

    @Override
    protected EventStore createStore() {
        database = new PostgresDatabase();
        return EventumStores.jpa(database);
    }

    @Override
    protected void stopEngine() {
        database.close();
    }
}
