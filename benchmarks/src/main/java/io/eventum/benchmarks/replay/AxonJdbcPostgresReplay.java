package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.axon.AxonStorage;
import io.eventum.benchmarks.db.PostgresDatabase;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/** Replay from Axon's {@code JdbcEventStorageEngine} with {@code JacksonSerializer} on the embedded PostgreSQL. */
public class AxonJdbcPostgresReplay extends AxonReplayBenchmark {

    @Override
    protected AxonStorage createStorage() {
        return AxonStorage.jdbc(new PostgresDatabase(), PostgresEventTableFactory.INSTANCE);
    }
}
