package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.EngineStore;

/** Replay from Eventum's {@link io.eventum.store.inmemory.InMemoryEventStore}, which keeps events serialized, as a database would. */
public class EventumInMemoryReplay extends EventumReplayBenchmark {

    @Override
    protected EngineStore openStore() {
        return EngineStore.inMemory();
    }
}
