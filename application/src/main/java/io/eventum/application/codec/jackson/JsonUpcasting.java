package io.eventum.application.codec.jackson;

import io.eventum.domain.StoredType;
import io.eventum.domain.Upcaster;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lifts stored JSON of an older schema version to the current one: JSON to a mutable map, each
 * upcaster in turn, map back to a tree. Only data older than the current version comes here; the
 * fast path never builds a tree.
 */
final class JsonUpcasting {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper mapper;

    JsonUpcasting(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Reads {@code json} as a JSON object. */
    Map<String, Object> read(byte[] json) {
        return mapper.readValue(json, MAP);
    }

    /** Reads a tree as a JSON object. */
    Map<String, Object> read(JsonNode json) {
        return mapper.convertValue(json, MAP);
    }

    /**
     * Applies the upcasters from {@code fromVersion} up to the current version.
     *
     * @throws MissingUpcasterException if a step has no upcaster
     */
    JsonNode upcast(Map<String, Object> json, StoredType type, int fromVersion) {
        Map<String, Object> current = json;
        for (int version = fromVersion; version < type.version(); version++) {
            int step = version;
            Upcaster upcaster = type.upcasterFrom(step).orElseThrow(() -> new MissingUpcasterException(
                    "no upcaster is registered from version " + step + " to " + (step + 1) + " of type '" + type.name() + "'"));
            current = upcaster.upcast(current);
            if (current == null) {
                throw new IllegalStateException("the upcaster from version " + step + " of type '" + type.name() + "' returned null");
            }
        }
        return mapper.valueToTree(current);
    }

    /** A step of an upcast chain has no upcaster. */
    static final class MissingUpcasterException extends RuntimeException {
        MissingUpcasterException(String message) {
            super(message);
        }
    }
}
