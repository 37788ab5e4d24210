package io.eventum.benchmarks.append;

import io.eventum.benchmarks.axon.AxonStorage;
import io.eventum.benchmarks.db.PostgresDatabase;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/** Appends to Axon's {@code JdbcEventStorageEngine} with {@code JacksonSerializer} on the embedded PostgreSQL; the table is emptied before each iteration. */
public class AxonJdbcPostgresAppend extends AxonAppendBenchmark {

    @Override
    protected AxonStorage createStorage() {
        return AxonStorage.jdbc(new PostgresDatabase(), PostgresEventTableFactory.INSTANCE);
    }
}
