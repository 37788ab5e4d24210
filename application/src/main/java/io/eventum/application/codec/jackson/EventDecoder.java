package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.databind.ObjectReader;
import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.TypeRegistration;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.DomainEvent;

/**
 * Decodes the stored events of one type string. At the current schema version it reads the bytes
 * straight into the record with a cached reader; at an older version it upcasts first.
 */
final class EventDecoder {

    private final ObjectReader reader;
    private final TypeRegistration registration;
    private final int storedVersion;
    private final JsonUpcasting upcasting;

    EventDecoder(ObjectReader reader, TypeRegistration registration, int storedVersion, JsonUpcasting upcasting) {
        this.reader = reader;
        this.registration = registration;
        this.storedVersion = storedVersion;
        this.upcasting = upcasting;
    }

    DomainEvent decode(StoredEvent event) {
        try {
            ObjectReader withHeader = reader.with(new EventHeaderValues(event));
            if (storedVersion == registration.version()) {
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
