package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.axon.AxonStorage;
import io.eventum.benchmarks.axon.H2EventTableFactory;
import io.eventum.benchmarks.db.H2Database;

/** Replay from Axon's {@code JdbcEventStorageEngine} with {@code JacksonSerializer} on in-memory H2. */
public class AxonJdbcH2Replay extends AxonReplayBenchmark {

    @Override
    protected AxonStorage createStorage() {
        return AxonStorage.jdbc(new H2Database(), H2EventTableFactory.INSTANCE);
    }
}
