package io.eventum.application.codec.jackson;

import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.StoredType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * Decodes the stored events of one type string. At the current schema version it reads the bytes
 * straight into the event with a cached reader; at an older version it upcasts the JSON first.
 */
final class StoredDecoder {

    private final ObjectReader reader;
    /** Reads the current version's plain records without data binding; {@code null} where it cannot. */
    private final ScalarRecordReader direct;
    private final StoredType type;
    private final int storedVersion;
    private final JsonUpcasting upcasting;

    StoredDecoder(ObjectReader reader, ScalarRecordReader direct, StoredType type, int storedVersion, JsonUpcasting upcasting) {
        this.reader = reader;
        this.direct = direct;
        this.type = type;
        this.storedVersion = storedVersion;
        this.upcasting = upcasting;
    }

    Object decode(StoredEvent stored) {
        boolean current = storedVersion == type.version();
        try {
            if (current) {
                Object event = direct == null ? null : direct.read(stored.payload());
                return event != null ? event : reader.readValue(stored.payload());
            }
            return reader.readValue(upcasting.upcast(upcasting.read(stored.payload()), type, storedVersion));
        } catch (JsonUpcasting.MissingUpcasterException e) {
            throw new EventDecodingException(stored.aggregateId(), stored.version(), stored.type(), e.getMessage(), e);
        } catch (JacksonException | IllegalArgumentException | IllegalStateException e) {
            String problem = e instanceof JacksonException jackson ? jackson.getOriginalMessage() + where(jackson) : e.getMessage();
            throw new EventDecodingException(stored.aggregateId(), stored.version(), stored.type(),
                    (current ? "the payload does not decode into " : "the payload of schema version " + storedVersion
                            + " does not upcast and decode into ") + type.type().getName() + ": " + problem, e);
        }
    }

    /** The JSON path of the failing property, if Jackson knows it. */
    private static String where(JacksonException e) {
        String path = e.getPathReference();
        return path == null || path.isEmpty() ? "" : " (at " + path + ")";
    }
}
