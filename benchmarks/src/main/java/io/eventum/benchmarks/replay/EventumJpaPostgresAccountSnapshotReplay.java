package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.EngineStore;

/** Loads an account with snapshots every 100 events, from the JPA store on the embedded PostgreSQL. */
public class EventumJpaPostgresAccountSnapshotReplay extends EventumAccountSnapshotReplayBenchmark {

    @Override
    protected EngineStore openStore() {
        return EngineStore.jpaOnPostgres();
    }
}
