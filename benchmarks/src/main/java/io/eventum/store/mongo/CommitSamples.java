package io.eventum.store.mongo;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The batches {@link MongoCodecBenchmark} encodes and decodes, and the comparison that checks both
 * sides of a comparison produce the same events.
 *
 * <p>Payloads are what the codec writes (compact JSON) with the content of store-tck's test
 * events: escapes, a control character, non-ASCII and non-BMP text, nested arrays, decimals and
 * negative numbers. Every third event carries metadata with escapes and an emoji in values and a
 * dot and a leading dollar in keys. Timestamps have microseconds.
 */
final class CommitSamples {

    private static final Instant EPOCH = Instant.parse("2026-11-28T10:15:30.123456Z");
    private static final JsonFactory JSON = new JsonFactory();

    private CommitSamples() {
    }

    /**
     * The batches of a benchmark shape: {@code "1"} one batch of 1 event, {@code "100"} one batch of
     * 100 events, {@code "100x1"} 100 batches of 1 event (what a replay of 100 single-event appends reads).
     */
    static List<List<EventRecord>> batches(String shape) {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        return switch (shape) {
            case "1" -> List.of(events(id, 1, 1));
            case "100" -> List.of(events(id, 1, 100));
            case "100x1" -> {
                List<List<EventRecord>> batches = new ArrayList<>();
                for (int version = 1; version <= 100; version++) {
                    batches.add(events(id, version, version));
                }
                yield batches;
            }
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
    }

    private static List<EventRecord> events(UUID id, long from, long to) {
        List<EventRecord> events = new ArrayList<>();
        for (long version = from; version <= to; version++) {
            String json = "{\"label\":\"v" + version + "\",\"text\":\"Zürich ✓ 東京 \\\"quoted\\\" back\\\\slash\\ttab \\u0001 😀\","
                    + "\"amount\":" + (version * 7) + ",\"price\":12.50,\"negative\":-0.25,\"total\":" + (version * 1_000_000_007L)
                    + ",\"nested\":{\"z\":[1,2.5,true,null,\"\"],\"a\":{}},\"lines\":[{\"sku\":\"A-" + version
                    + "\",\"qty\":2,\"unit\":3.75},{\"sku\":\"B-1\",\"qty\":1,\"unit\":0.1}]}";
            Map<String, String> metadata = version % 3 == 0
                    ? Map.of("correlationId", "c-" + version, "note", "say \"hi\" \\ back\n\ttab \u0001 😀", "trace.id", "t.1", "$source", "tck")
                    : Map.of();
            events.add(new EventRecord(id, version, version % 2 == 0 ? "TestEvent.Even" : "TestEvent.Odd",
                    json.getBytes(StandardCharsets.UTF_8), metadata, EPOCH.plusSeconds(version).plusNanos(version * 1_000)));
        }
        return events;
    }

    /** Fails unless both lists hold the same events: every field equal, payloads equal as JSON values. */
    static void requireSame(String what, List<StoredEvent> expected, List<StoredEvent> actual) {
        if (expected.size() != actual.size()) {
            throw new IllegalStateException(what + ": " + actual.size() + " events, expected " + expected.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            StoredEvent e = expected.get(i);
            StoredEvent a = actual.get(i);
            boolean same = e.position() == a.position() && e.aggregateId().equals(a.aggregateId()) && e.version() == a.version()
                    && e.type().equals(a.type()) && e.metadata().equals(a.metadata()) && e.timestamp().equals(a.timestamp())
                    && Objects.equals(value(e.payload()), value(a.payload()));
            if (!same) {
                throw new IllegalStateException(what + ": event " + i + " differs:\n  expected " + e + " " + e.payloadJson()
                        + "\n  actual   " + a + " " + a.payloadJson());
            }
        }
    }

    /** The records of a list of batches, as stored events at positions 1, 2, ... */
    static List<StoredEvent> stored(List<List<EventRecord>> batches) {
        List<StoredEvent> stored = new ArrayList<>();
        for (List<EventRecord> batch : batches) {
            for (EventRecord r : batch) {
                stored.add(new StoredEvent(stored.size() + 1, r.aggregateId(), r.version(), r.type(), r.payload(), r.metadata(), r.timestamp()));
            }
        }
        return stored;
    }

    /** A JSON document as a value: objects as sorted maps, numbers by their exact decimal value. */
    static Object value(byte[] json) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            Object value = value(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw new IllegalStateException("trailing content in " + new String(json, StandardCharsets.UTF_8));
            }
            return value;
        }
    }

    private static Object value(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new TreeMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                return array;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal number = parser.getDecimalValue();
                return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
            }
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return token == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return "<null>";
            }
            default -> throw new IllegalStateException("unexpected " + token);
        }
    }
}
