package com.example.consumer;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.StoredEvent;
import io.eventum.store.inmemory.InMemoryEventStore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user's program against the installed artifacts: appends one event through the store port and
 * reads it back. It uses only the port (EventStore, EventRecord, AggregateQuery), which keeps its
 * shape while the aggregate API changes.
 */
public final class Main {

    public static void main(String[] args) {
        UUID dog = UUID.randomUUID();
        byte[] payload = "{\"name\":\"Fido\"}".getBytes(StandardCharsets.UTF_8);
        try (EventStore store = new InMemoryEventStore()) {
            List<Long> positions = store.append(List.of(
                    new EventRecord(dog, 1, "DogRegistered", payload, Map.of(), Instant.now())));
            System.out.println("appended at position " + positions.get(0));
            for (StoredEvent event : store.read(dog, AggregateQuery.all())) {
                System.out.println("read back: version " + event.version() + " " + event.type() + " " + event.payloadJson());
            }
        }
    }
}
