package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.axon.AxonStorage;

/**
 * Replay from Axon's {@code InMemoryEventStorageEngine}. It keeps the event message objects, so
 * unlike Eventum's in-memory store it deserializes nothing: compare it with {@code floorObjects}.
 */
public class AxonInMemoryReplay extends AxonReplayBenchmark {

    @Override
    protected AxonStorage createStorage() {
        return AxonStorage.inMemory();
    }
}
