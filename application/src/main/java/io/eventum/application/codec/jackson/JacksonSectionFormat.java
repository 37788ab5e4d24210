package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventum.application.notification.Section;
import io.eventum.application.store.StoredEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Thread-safe.
 */
public final class JacksonSectionFormat {

    private final ObjectMapper mapper = new ObjectMapper();

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
            item.set("payload", readTree(event.payload()));
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write section " + section.id(), e);
        }
    }

    /**
     * Reads a section written by {@link #write}.
     *
     * @throws IllegalArgumentException if the JSON is not such a section
     */
    public Section read(byte[] json) {
        JsonNode root = readTree(json);
        try {
            List<StoredEvent> items = new ArrayList<>();
            for (JsonNode item : root.required("items")) {
                Map<String, String> metadata = new LinkedHashMap<>();
                item.required("metadata").fields().forEachRemaining(field -> metadata.put(field.getKey(), field.getValue().asText()));
                items.add(new StoredEvent(item.required("position").asLong(), UUID.fromString(item.required("aggregateId").asText()),
                        item.required("version").asLong(), item.required("type").asText(), mapper.writeValueAsBytes(item.required("payload")),
                        Map.copyOf(metadata), Instant.parse(item.required("timestamp").asText())));
            }
            JsonNode next = root.get("next");
            return new Section(root.required("id").asText(), items, next == null || next.isNull() ? null : next.asText());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a notification log section: " + e.getMessage(), e);
        }
    }

    private JsonNode readTree(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }
}
