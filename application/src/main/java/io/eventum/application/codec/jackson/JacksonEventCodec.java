package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventEncodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.DomainEvent;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link EventCodec} that writes each event's own fields as a JSON object with Jackson.
 *
 * <p>The event header (originator id, version, timestamp) stays out of the JSON: the store keeps it
 * in its own fields, and decoding injects it into the record's constructor. Classes are resolved
 * only through the {@link EventTypeRegistry}, once, when the codec is built; each registered type
 * gets a cached reader and writer, so the replay path does no reflection and builds no reader per
 * event. Jackson default typing is never enabled: stored data cannot name a class to instantiate.
 *
 * <p>Decoding is strict: an unknown property fails instead of being dropped, because a field the
 * class no longer has means the class changed without an upcaster, and dropping it would lose data.
 *
 * <p>Thread-safe.
 */
public final class JacksonEventCodec implements EventCodec {

    private final EventTypeRegistry registry;
    private final Map<String, ObjectReader> readersByName = new HashMap<>();
    private final Map<Class<?>, Binding> writersByClass = new HashMap<>();

    private record Binding(String name, ObjectWriter writer) {
    }

    /** A codec for the registry's event types, with Eventum's default {@link ObjectMapper}. */
    public JacksonEventCodec(EventTypeRegistry registry) {
        this(registry, defaultMapper());
    }

    /**
     * A codec for the registry's event types, using a copy of {@code mapper} (for its modules and
     * settings) with Eventum's header handling added.
     */
    public JacksonEventCodec(EventTypeRegistry registry, ObjectMapper mapper) {
        this.registry = Objects.requireNonNull(registry, "registry");
        ObjectMapper configured = mapper.copy();
        configured.setAnnotationIntrospector(AnnotationIntrospector.pair(new EventHeaderIntrospector(),
                configured.getSerializationConfig().getAnnotationIntrospector()));
        registry.types().forEach((name, type) -> {
            readersByName.put(name, configured.readerFor(type));
            writersByClass.put(type, new Binding(name, configured.writerFor(type)));
        });
    }

    /** The mapper Eventum uses by default: java.time support, ISO-8601 dates, strict reads. */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .build();
    }

    /** The registry this codec maps names with. */
    public EventTypeRegistry registry() {
        return registry;
    }

    @Override
    public EventRecord encode(DomainEvent event, Map<String, String> metadata) {
        Objects.requireNonNull(event, "event");
        Binding binding = writersByClass.get(event.getClass());
        if (binding == null) {
            throw new EventEncodingException(event.originatorId(), event.originatorVersion(), event.getClass(),
                    "the class is not registered in the EventTypeRegistry", null);
        }
        byte[] payload;
        try {
            payload = binding.writer().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new EventEncodingException(event.originatorId(), event.originatorVersion(), event.getClass(),
                    e.getOriginalMessage(), e);
        }
        return new EventRecord(event.originatorId(), event.originatorVersion(), binding.name(), payload, metadata,
                event.timestamp());
    }

    @Override
    public DomainEvent decode(StoredEvent event) {
        ObjectReader reader = readersByName.get(event.type());
        if (reader == null) {
            throw new EventDecodingException(event.aggregateId(), event.version(), event.type(),
                    "no event class is registered under this type name", null);
        }
        try {
            return reader.with(new EventHeaderValues(event)).readValue(event.payload());
        } catch (IOException | RuntimeException e) {
            throw new EventDecodingException(event.aggregateId(), event.version(), event.type(),
                    "the payload does not decode: " + e.getMessage(), e);
        }
    }
}
