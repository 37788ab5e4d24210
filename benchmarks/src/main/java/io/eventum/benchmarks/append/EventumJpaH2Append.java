package io.eventum.benchmarks.append;

import io.eventum.benchmarks.db.Database;
import io.eventum.benchmarks.db.H2Database;

/** Appends to Eventum's {@code JpaEventStore} on H2: one engine per trial, its tables emptied before each iteration. */
public class EventumJpaH2Append extends EventumJpaAppendBenchmark {

    @Override
    protected Database startDatabase() {
        return new H2Database();
    }
}
