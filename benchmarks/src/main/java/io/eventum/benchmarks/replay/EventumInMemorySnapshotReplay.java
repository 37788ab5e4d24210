package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.EngineStore;

/** Loads with snapshots every 100 events, from the in-memory store. */
public class EventumInMemorySnapshotReplay extends EventumSnapshotReplayBenchmark {

    @Override
    protected EngineStore openStore() {
        return EngineStore.inMemory();
    }
}
