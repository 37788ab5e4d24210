package io.eventum.benchmarks.append;

import io.eventum.benchmarks.axon.AxonStorage;
import io.eventum.benchmarks.axon.H2EventTableFactory;
import io.eventum.benchmarks.db.H2Database;

/** Appends to Axon's {@code JdbcEventStorageEngine} with {@code JacksonSerializer} on in-memory H2; the table is emptied before each iteration. */
public class AxonJdbcH2Append extends AxonAppendBenchmark {

    @Override
    protected AxonStorage createStorage() {
        return AxonStorage.jdbc(new H2Database(), H2EventTableFactory.INSTANCE);
    }
}
