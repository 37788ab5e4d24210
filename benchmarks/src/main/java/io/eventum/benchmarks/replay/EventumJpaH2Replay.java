package io.eventum.benchmarks.replay;

import io.eventum.application.store.EventStore;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.H2Database;

/** Replay from Eventum's {@code JpaEventStore} on H2, the engine Axon's JDBC rows use. */
public class EventumJpaH2Replay extends EventumReplayBenchmark {

    private H2Database database;

    @Override
    protected EventStore createStore() {
        database = new H2Database();
        return EventumStores.jpa(database);
    }

    @Override
    protected void stopEngine() {
        database.close();
    }
}
