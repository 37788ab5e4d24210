package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.EngineStore;

/** Replay from Eventum's {@code JpaEventStore} on H2, the engine Axon's JDBC rows use. */
public class EventumJpaH2Replay extends EventumReplayBenchmark {

    @Override
    protected EngineStore openStore() {
        return EngineStore.jpaOnH2();
    }
}
