package io.eventum.benchmarks.replay;

import io.eventum.application.store.EventStore;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.PostgresDatabase;

/** Replay from Eventum's {@code JpaEventStore} on Postgres, the engine Axon's JDBC rows use. */
public class EventumJpaPostgresReplay extends EventumReplayBenchmark {

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
