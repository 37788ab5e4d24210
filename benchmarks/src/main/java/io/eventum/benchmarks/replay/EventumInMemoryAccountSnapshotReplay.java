package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.EngineStore;

/** Loads an account with snapshots every 100 events, from the in-memory store. */
public class EventumInMemoryAccountSnapshotReplay extends EventumAccountSnapshotReplayBenchmark {

    @Override
    protected EngineStore openStore() {
        return EngineStore.inMemory();
    }
}
