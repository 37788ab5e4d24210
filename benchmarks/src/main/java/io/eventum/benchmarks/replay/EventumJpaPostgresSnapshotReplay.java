package io.eventum.benchmarks.replay;

import io.eventum.application.store.EventStore;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.PostgresDatabase;

/** Loads with snapshots every 100 events, from the JPA store on the embedded PostgreSQL. */
public class EventumJpaPostgresSnapshotReplay extends EventumSnapshotReplayBenchmark {

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
