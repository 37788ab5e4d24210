package io.eventum.benchmarks.writers;

import io.eventum.application.store.EventRecord;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.PostgresDatabase;
import io.eventum.benchmarks.floor.FloorRows;
import io.eventum.store.jpa.JpaEventStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Eventum's {@code JpaEventStore} on PostgreSQL, appended to through the store port with a
 * pre-encoded {@link EventRecord} (the floor's payload and type), not through an application and
 * its codec: the figure is the store's, and does not depend on the aggregate API.
 */
public class EventumJpaPostgresWriters extends WritersBenchmark {

    private PostgresDatabase database;
    private JpaEventStore store;

    @Override
    protected void start() {
        database = new PostgresDatabase();
        store = EventumStores.jpa(database);
    }

    @Override
    protected void appendOneEvent() {
        store.append(List.of(new EventRecord(UUID.randomUUID(), 1, FloorRows.TYPE, FloorRows.PAYLOAD, Map.of(), Instant.now())));
    }

    @Override
    protected void stop() {
        store.close();
        database.close();
    }
}
