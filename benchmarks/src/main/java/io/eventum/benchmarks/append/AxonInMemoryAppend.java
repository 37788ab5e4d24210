package io.eventum.benchmarks.append;

import io.eventum.benchmarks.axon.AxonStorage;

/** Appends to Axon's {@code InMemoryEventStorageEngine}: a new engine for each iteration. */
public class AxonInMemoryAppend extends AxonAppendBenchmark {

    @Override
    protected AxonStorage createStorage() {
        return AxonStorage.inMemory();
    }
}
