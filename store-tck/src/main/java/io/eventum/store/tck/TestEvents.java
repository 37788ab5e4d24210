package io.eventum.store.tck;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ready-made event records for store tests: valid JSON payloads (with non-ASCII text, so that
 * encodings are exercised), microsecond timestamps and, on every third event, metadata.
 */
public final class TestEvents {

    /** The type name {@link #event} gives events with an odd version. */
    public static final String ODD_TYPE = "TestEvent.Odd";
    /** The type name {@link #event} gives events with an even version. */
    public static final String EVEN_TYPE = "TestEvent.Even";

    private static final Instant EPOCH = Instant.parse("2026-11-28T10:15:30.123456Z");

    private TestEvents() {
    }

    /** One event of {@code aggregateId} at {@code version}. */
    public static EventRecord event(UUID aggregateId, long version) {
        return event(aggregateId, version, "v" + version);
    }

    /** One event of {@code aggregateId} at {@code version} whose payload carries {@code label}. */
    public static EventRecord event(UUID aggregateId, long version, String label) {
        String json = "{\"label\":\"" + label + "\",\"text\":\"Zürich ✓ 東京\",\"amount\":" + (version * 7) + "}";
        Map<String, String> metadata = version % 3 == 0 ? Map.of("correlationId", "c-" + version, "user", "ada") : Map.of();
        return new EventRecord(aggregateId, version, version % 2 == 0 ? EVEN_TYPE : ODD_TYPE,
                json.getBytes(StandardCharsets.UTF_8), metadata, EPOCH.plusSeconds(version).plusNanos(version * 1_000));
    }

    /** Events of {@code aggregateId} at versions {@code from} to {@code to}, both included. */
    public static List<EventRecord> events(UUID aggregateId, long from, long to) {
        List<EventRecord> events = new ArrayList<>();
        for (long version = from; version <= to; version++) {
            events.add(event(aggregateId, version));
        }
        return events;
    }

    /** The records of stored events, without their positions. */
    public static List<EventRecord> records(List<StoredEvent> stored) {
        return stored.stream().map(StoredEvent::record).toList();
    }

    /** The versions of stored events, in their order. */
    public static List<Long> versions(List<StoredEvent> stored) {
        return stored.stream().map(StoredEvent::version).toList();
    }

    /** The positions of stored events, in their order. */
    public static List<Long> positions(List<StoredEvent> stored) {
        return stored.stream().map(StoredEvent::position).toList();
    }

    /** A payload's label, as written by {@link #event(UUID, long, String)}. */
    public static String label(StoredEvent stored) {
        String json = stored.payloadJson();
        int start = json.indexOf("\"label\":\"") + 9;
        return json.substring(start, json.indexOf('"', start));
    }

    /** Concatenates lists. */
    @SafeVarargs
    public static <T> List<T> concat(List<? extends T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<? extends T> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
