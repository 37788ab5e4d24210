package io.eventum.benchmarks.axon;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/** Axon's in-memory engine: a new one each time an empty one is asked for. */
final class InMemoryAxonStorage implements AxonStorage {

    @Override
    public EventStorageEngine emptyEngine() {
        return new InMemoryEventStorageEngine();
    }

    @Override
    public void close() {
    }
}
