package io.eventum.benchmarks.append;

import io.eventum.benchmarks.db.Database;
import io.eventum.benchmarks.db.PostgresDatabase;

/** Appends to Eventum's {@code JpaEventStore} on Postgres: one engine per trial, its tables emptied before each iteration. */
public class EventumJpaPostgresAppend extends EventumJpaAppendBenchmark {

    @Override
    protected Database startDatabase() {
        return new PostgresDatabase();
    }
}
