package io.eventum.benchmarks.replay;

import io.eventum.application.store.EventStore;
import io.eventum.store.inmemory.InMemoryEventStore;

/** Replay from Eventum's {@link InMemoryEventStore}, which keeps events serialized, as a database would. */
public class EventumInMemoryReplay extends EventumReplayBenchmark {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
