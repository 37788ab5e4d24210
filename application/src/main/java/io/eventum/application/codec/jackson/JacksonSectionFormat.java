package io.eventum.application.codec.jackson;

import io.eventum.application.notification.Section;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON of a notification log {@link Section}, for serving it to remote readers and reading it
 * back there. Payloads travel as JSON objects, readable as they are:
 *
 * <pre>{@code
 * {"id":"1,100","next":"101,200","items":[{"position":1,"aggregateId":"…","version":1,
 *   "type":"Dog.Registered","timestamp":"2026-11-28T10:15:30.123456Z","metadata":{},"payload":{"name":"Fido"}}]}
 * }</pre>
 *
 * Reading is strict: an item that no store could have written (a position or version below 1, a
 * payload that is not a JSON object, a metadata value that is not a string, a missing field, or any
 * value {@link io.eventum.application.store.StoredValues} refuses) fails the whole section, naming
 * the item. Thread-safe.
 */
public final class JacksonSectionFormat {

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** The section as UTF-8 JSON. */
    public byte[] write(Section section) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", section.id());
        root.put("next", section.nextId());
        ArrayNode items = root.putArray("items");
        for (StoredEvent event : section.items()) {
            ObjectNode item = items.addObject();
            item.put("position", event.position());
            item.put("aggregateId", event.aggregateId().toString());
            item.put("version", event.version());
            item.put("type", event.type());
            item.put("timestamp", event.timestamp().toString());
            ObjectNode metadata = item.putObject("metadata");
            event.metadata().forEach(metadata::put);
            item.set("payload", mapper.readTree(event.payload()));
        }
        return mapper.writeValueAsBytes(root);
    }

    /**
     * Reads a section written by {@link #write}.
     *
     * @throws IllegalArgumentException if the JSON is not such a section, naming what is wrong
     */
    public Section read(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a notification log section: not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a notification log section: not a JSON object");
        }
        String id = text(root, "id", "the section");
        List<StoredEvent> items = new ArrayList<>();
        JsonNode array = root.get("items");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("section " + id + " has no array of items");
        }
        for (int i = 0; i < array.size(); i++) {
            items.add(item(array.get(i), "item " + i + " of section " + id));
        }
        JsonNode next = root.get("next");
        if (next != null && !next.isNull() && !next.isString()) {
            throw new IllegalArgumentException("section " + id + " has a next id that is not a string: " + next);
        }
        return new Section(id, items, next == null || next.isNull() ? null : next.stringValue());
    }

    private StoredEvent item(JsonNode item, String where) {
        if (!item.isObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        long position = positive(item, "position", where);
        long version = positive(item, "version", where);
        String type = text(item, "type", where);
        UUID aggregateId;
        Instant timestamp;
        try {
            aggregateId = UUID.fromString(text(item, "aggregateId", where));
            timestamp = Instant.parse(text(item, "timestamp", where));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + " (position " + position + ") has a malformed aggregate id or timestamp: " + e.getMessage(), e);
        }
        JsonNode payload = item.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException(where + " (position " + position + ", aggregate " + aggregateId + " version " + version
                    + " type " + type + ") has a payload that is not a JSON object");
        }
        JsonNode metadataNode = item.get("metadata");
        if (metadataNode == null || !metadataNode.isObject()) {
            throw new IllegalArgumentException(where + " (position " + position + ") has no metadata object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : metadataNode.properties()) {
            if (!entry.getValue().isString()) {
                throw new IllegalArgumentException(where + " (position " + position + ") has metadata '" + entry.getKey()
                        + "' that is not a string: metadata values are strings");
            }
            metadata.put(entry.getKey(), entry.getValue().stringValue());
        }
        try {
            // Through EventRecord, so that an item holds only what a store could have stored.
            return new EventRecord(aggregateId, version, type, mapper.writeValueAsBytes(payload), metadata, timestamp).at(position);
        } catch (IllegalArgumentException refused) {
            throw new IllegalArgumentException(where + " (position " + position + ") holds what no store keeps: " + refused.getMessage(), refused);
        }
    }

    private static long positive(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw new IllegalArgumentException(where + " has a " + field + " that is not a whole number of at least 1: " + value);
        }
        return value.longValue();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException(where + " has no string '" + field + "'");
        }
        return value.stringValue();
    }
}
