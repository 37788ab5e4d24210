package io.eventum.benchmarks.append;

import io.eventum.application.store.EventStore;
import io.eventum.store.inmemory.InMemoryEventStore;

/** Appends to Eventum's {@link InMemoryEventStore}: a new store for each iteration. */
public class EventumInMemoryAppend extends EventumAppendBenchmark {

    @Override
    protected EventStore emptyStore() {
        return new InMemoryEventStore();
    }
}
