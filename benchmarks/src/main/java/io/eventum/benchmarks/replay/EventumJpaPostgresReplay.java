package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.EngineStore;

/** Replay from Eventum's {@code JpaEventStore} on Postgres, the engine Axon's JDBC rows use. */
public class EventumJpaPostgresReplay extends EventumReplayBenchmark {

    @Override
    protected EngineStore openStore() {
        return EngineStore.jpaOnPostgres();
    }
}
