package io.eventum.benchmarks.replay;

import io.eventum.application.store.EventStore;
import io.eventum.store.inmemory.InMemoryEventStore;

/** Loads an account with snapshots every 100 events, from the in-memory store. */
public class EventumInMemoryAccountSnapshotReplay extends EventumAccountSnapshotReplayBenchmark {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
