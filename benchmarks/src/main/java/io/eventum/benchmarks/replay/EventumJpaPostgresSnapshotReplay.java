package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.EngineStore;

/** Loads with snapshots every 100 events, from the JPA store on the embedded PostgreSQL. */
public class EventumJpaPostgresSnapshotReplay extends EventumSnapshotReplayBenchmark {

    @Override
    protected EngineStore openStore() {
        return EngineStore.jpaOnPostgres();
    }
}
