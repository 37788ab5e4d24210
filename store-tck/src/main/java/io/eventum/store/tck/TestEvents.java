package io.eventum.store.tck;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Ready-made event records for store tests, and the comparison the contract reads them back with.
 *
 * <p>Payloads are hard on purpose: pretty-printed, keys out of order, escapes, control characters,
 * non-ASCII and non-BMP text, nested arrays and decimals. Every third event carries metadata with
 * quotes, backslashes, control characters and an emoji in values, and a dot and a leading dollar
 * in keys. Timestamps have microseconds.
 *
 * <p>A store keeps a payload as an equal JSON object, not necessarily the same bytes (a JSON
 * column may reorder keys or drop whitespace), so the contract compares events in their
 * {@linkplain #canonical canonical form}: every field as it is, the payload with sorted keys and
 * numbers compared by value.
 */
public final class TestEvents {

    /** The type name {@link #event} gives events with an odd version. */
    public static final String ODD_TYPE = "TestEvent.Odd";
    /** The type name {@link #event} gives events with an even version. */
    public static final String EVEN_TYPE = "TestEvent.Even";

    private static final Instant EPOCH = Instant.parse("2026-11-28T10:15:30.123456Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEvents() {
    }

    /** One event of {@code aggregateId} at {@code version}. */
    public static EventRecord event(UUID aggregateId, long version) {
        return event(aggregateId, version, "v" + version);
    }

    /** One event of {@code aggregateId} at {@code version} whose payload carries {@code label}. */
    public static EventRecord event(UUID aggregateId, long version, String label) {
        String json = "{\n  \"label\" : \"" + label + "\",\n  \"text\" : \"Zürich ✓ 東京 \\\"quoted\\\" back\\\\slash\\ttab \\u0001 😀\",\n"
                + "  \"amount\" : " + (version * 7) + ", \"price\" : 12.50, \"negative\" : -0.25,\n"
                + "  \"nested\" : {\"z\" : [1, 2.5, true, null, \"\"], \"a\" : {}}\n}";
        Map<String, String> metadata = version % 3 == 0
                ? Map.of("correlationId", "c-" + version, "note", "say \"hi\" \\ back\n\ttab \u0001 😀", "trace.id", "t.1", "$source", "tck")
                : Map.of();
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

    /** Each record in canonical form, for comparing what was written with what was read. */
    public static List<String> canonical(List<EventRecord> records) {
        return records.stream().map(TestEvents::canonical).toList();
    }

    /** A record in canonical form: every field as it is, the payload as {@link #canonicalJson}. */
    public static String canonical(EventRecord record) {
        return record.aggregateId() + " v" + record.version() + " " + record.type() + " " + canonicalJson(record.payload())
                + " " + new TreeMap<>(record.metadata()) + " at " + record.timestamp();
    }

    /** Each stored event in canonical form, position included. */
    public static List<String> canonicalStored(List<StoredEvent> stored) {
        return stored.stream().map(event -> "#" + event.position() + " " + canonical(event.record())).toList();
    }

    /** A snapshot in canonical form. */
    public static String canonical(SnapshotRecord snapshot) {
        return snapshot.aggregateId() + " v" + snapshot.version() + " " + snapshot.type() + " " + canonicalJson(snapshot.state())
                + " at " + snapshot.timestamp();
    }

    /** JSON with object keys sorted and every number written as its exact decimal value. */
    public static String canonicalJson(byte[] json) {
        try {
            return canonicalize(JSON.readTree(json)).toString();
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    private static JsonNode canonicalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            names.addAll(node.propertyNames());
            names.sort(null);
            for (String name : names) {
                sorted.set(name, canonicalize(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : node.values()) {
                array.add(canonicalize(element));
            }
            return array;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return JsonNodeFactory.instance.stringNode("#" + value.toPlainString());
        }
        return node;
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
        return JSON.readTree(stored.payload()).get("label").asString();
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
