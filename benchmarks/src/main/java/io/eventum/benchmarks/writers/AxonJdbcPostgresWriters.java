package io.eventum.benchmarks.writers;

import io.eventum.benchmarks.axon.AxonExampleAggregate;
import io.eventum.benchmarks.axon.AxonExamples;
import io.eventum.benchmarks.axon.AxonStorage;
import io.eventum.benchmarks.db.PostgresDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

import java.util.UUID;

/**
 * Axon's {@code JdbcEventStorageEngine} on PostgreSQL, appended to at the storage engine (the
 * counterpart of Eventum's store port): one domain event message of a new aggregate per unit of
 * work, which is one transaction on a pooled connection with auto-commit off.
 */
public class AxonJdbcPostgresWriters extends WritersBenchmark {

    private AxonStorage storage;
    private EventStorageEngine engine;

    @Override
    protected void start() {
        storage = AxonStorage.jdbc(new PostgresDatabase(), PostgresEventTableFactory.INSTANCE);
        engine = storage.emptyEngine();
    }

    @Override
    protected void appendOneEvent() {
        UUID id = UUID.randomUUID();
        AxonExamples.inUnitOfWork(() -> engine.appendEvents(new GenericDomainEventMessage<>(
                AxonExampleAggregate.class.getSimpleName(), id.toString(), 0, new AxonExampleAggregate.ExampleCreated(id))));
    }

    @Override
    protected void stop() {
        storage.close();
    }
}
