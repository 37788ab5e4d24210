package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.TypeRegistration;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.DomainEvent;

/**
 * Decodes the stored events of one type string. At the current schema version it reads the bytes
 * straight into the event; at an older version it upcasts the JSON first. Plain records go through
 * a {@link RecordEventDecoder}; other classes through Jackson's creator with the header injected.
 */
final class EventDecoder {

    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final RecordEventDecoder recordDecoder;
    private final TypeRegistration registration;
    private final int storedVersion;
    private final JsonUpcasting upcasting;

    /**
     * @param recordDecoder the fast decoder for the type, or null to use Jackson's creator
     */
    EventDecoder(ObjectMapper mapper, ObjectReader reader, RecordEventDecoder recordDecoder, TypeRegistration registration,
                 int storedVersion, JsonUpcasting upcasting) {
        this.mapper = mapper;
        this.reader = reader;
        this.recordDecoder = recordDecoder;
        this.registration = registration;
        this.storedVersion = storedVersion;
        this.upcasting = upcasting;
    }

    DomainEvent decode(StoredEvent event) {
        try {
            boolean current = storedVersion == registration.version();
            if (recordDecoder != null) {
                JsonParser parser = current ? mapper.createParser(event.payload())
                        : mapper.treeAsTokens(upcasting.upcast(upcasting.read(event.payload()), registration, storedVersion));
                return recordDecoder.decode(parser, event.aggregateId(), event.version(), event.timestamp());
            }
            ObjectReader withHeader = reader.with(new EventHeaderValues(event));
            if (current) {
                return withHeader.readValue(event.payload());
            }
            return withHeader.readValue(upcasting.upcast(upcasting.read(event.payload()), registration, storedVersion));
        } catch (JsonUpcasting.MissingUpcasterException e) {
            throw new EventDecodingException(event.aggregateId(), event.version(), event.type(), e.getMessage(), e);
        } catch (Exception e) {
            throw new EventDecodingException(event.aggregateId(), event.version(), event.type(),
                    (storedVersion == registration.version() ? "the payload does not decode: "
                            : "the payload of schema version " + storedVersion + " does not upcast and decode: ") + e.getMessage(), e);
        }
    }
}
