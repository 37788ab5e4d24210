package io.eventum.benchmarks.replay;

import io.eventum.application.store.EventStore;
import io.eventum.store.inmemory.InMemoryEventStore;

/** Loads with snapshots every 100 events, from the in-memory store. */
public class EventumInMemorySnapshotReplay extends EventumSnapshotReplayBenchmark {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
