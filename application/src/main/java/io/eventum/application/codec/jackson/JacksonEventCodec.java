package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import io.eventum.application.codec.SnapshotCodec;
import io.eventum.application.codec.SnapshotDecodingException;
import io.eventum.application.codec.StoredTypeName;
import io.eventum.application.codec.TypeRegistration;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link EventCodec} and {@link SnapshotCodec} that writes each event's own fields, and each
 * snapshot's state, as a JSON object with Jackson.
 *
 * <p>The event header (originator id, version, timestamp) stays out of the JSON: the store keeps it
 * in its own fields, and decoding injects it into the record's constructor. Classes are resolved
 * only through the {@link EventTypeRegistry}, once, when the codec is built: every stored type
 * string (each name, alias and schema version) maps to a ready decoder, so the replay path does one
 * hash lookup per event, no reflection, and builds no reader. Events at the current schema version
 * decode straight from their bytes; older ones go through the registered upcasters on a JSON tree.
 * A plain event record (no Jackson annotations) is read field by field into its canonical
 * constructor's arguments, the header values alongside; other classes go through Jackson's
 * creator with the header injected. Both give the same event.
 * Jackson default typing is never enabled: stored data cannot name a class to instantiate.
 *
 * <p>Decoding is strict: an unknown property fails instead of being dropped, because a field the
 * class no longer has means the class changed without an upcaster, and dropping it would lose data.
 *
 * <p>Thread-safe.
 */
public final class JacksonEventCodec implements EventCodec, SnapshotCodec {

    private final EventTypeRegistry registry;
    private final ObjectMapper mapper;
    private final JsonUpcasting upcasting;
    private final Map<String, EventDecoder> decodersByStoredType = new HashMap<>();
    private final Map<Class<?>, Encoder> eventEncoders = new HashMap<>();
    private final Map<Class<?>, String> stateTypes = new HashMap<>();
    private final Map<Class<?>, ObjectReader> stateReaders = new HashMap<>();

    private record Encoder(String storedType, ObjectWriter writer) {
    }

    /** A codec for the registry's types, with Eventum's default {@link ObjectMapper}. */
    public JacksonEventCodec(EventTypeRegistry registry) {
        this(registry, defaultMapper());
    }

    /**
     * A codec for the registry's types, using a copy of {@code mapper} (for its modules and
     * settings) with Eventum's header handling added in front of its own annotation handling.
     */
    public JacksonEventCodec(EventTypeRegistry registry, ObjectMapper mapper) {
        this(registry, mapper, true);
    }

    /** As {@link #JacksonEventCodec(EventTypeRegistry, ObjectMapper)}; tests turn the record fast path off to compare. */
    JacksonEventCodec(EventTypeRegistry registry, ObjectMapper mapper, boolean recordFastPath) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.mapper = mapper.copy();
        this.mapper.setAnnotationIntrospector(AnnotationIntrospector.pair(new EventHeaderIntrospector(),
                this.mapper.getSerializationConfig().getAnnotationIntrospector()));
        this.upcasting = new JsonUpcasting(this.mapper);
        for (TypeRegistration registration : registry.registrations()) {
            if (registration.event()) {
                eventEncoders.put(registration.type(), new Encoder(registration.storedName(), this.mapper.writerFor(registration.type())));
            } else {
                stateTypes.put(registration.type(), registration.storedName());
                stateReaders.put(registration.type(), this.mapper.readerFor(registration.type()));
            }
        }
        for (String name : registry.names()) {
            TypeRegistration registration = registry.registrationNamed(name);
            if (registration.event()) {
                ObjectReader reader = this.mapper.readerFor(registration.type());
                RecordEventDecoder recordDecoder = recordFastPath ? RecordEventDecoder.of(registration.type(), this.mapper).orElse(null) : null;
                for (int version = 1; version <= registration.version(); version++) {
                    decodersByStoredType.put(StoredTypeName.of(name, version),
                            new EventDecoder(this.mapper, reader, recordDecoder, registration, version, upcasting));
                }
            }
        }
    }

    /** The mapper Eventum uses by default: java.time support, ISO-8601 dates, strict reads. */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The registry this codec maps names with. */
    public EventTypeRegistry registry() {
        return registry;
    }

    @Override
    public EventRecord encode(DomainEvent event, Map<String, String> metadata) {
        Objects.requireNonNull(event, "event");
        Encoder encoder = eventEncoders.get(event.getClass());
        if (encoder == null) {
            throw new EventEncodingException(event.originatorId(), event.originatorVersion(), event.getClass(),
                    "the class is not registered in the EventTypeRegistry", null);
        }
        try {
            return new EventRecord(event.originatorId(), event.originatorVersion(), encoder.storedType(),
                    encoder.writer().writeValueAsBytes(event), metadata, event.timestamp());
        } catch (IOException e) {
            throw new EventEncodingException(event.originatorId(), event.originatorVersion(), event.getClass(), e.getMessage(), e);
        }
    }

    @Override
    public DomainEvent decode(StoredEvent event) {
        EventDecoder decoder = decodersByStoredType.get(event.type());
        if (decoder == null) {
            throw new EventDecodingException(event.aggregateId(), event.version(), event.type(), unknownType(event.type()), null);
        }
        return decoder.decode(event);
    }

    private String unknownType(String storedType) {
        StoredTypeName parsed;
        try {
            parsed = StoredTypeName.parse(storedType);
        } catch (IllegalArgumentException malformed) {
            return malformed.getMessage();
        }
        TypeRegistration registration = registry.registrationNamed(parsed.name());
        if (registration != null && registration.event()) {
            return "schema version " + parsed.version() + " is newer than the registered version " + registration.version()
                    + " of " + registration.type().getName() + ": deploy the newer code";
        }
        return "no event class is registered under this type name";
    }

    @Override
    public SnapshotRecord encodeSnapshot(UUID aggregateId, long version, Instant createdOn, Instant lastModifiedOn, Object state) {
        Objects.requireNonNull(state, "state");
        String storedType = stateTypes.get(state.getClass());
        if (storedType == null) {
            throw new EventEncodingException(aggregateId, version, state.getClass(),
                    "the snapshot state class is not registered with registerState in the EventTypeRegistry", null);
        }
        try {
            byte[] json = mapper.writeValueAsBytes(new SnapshotEnvelope(createdOn, mapper.valueToTree(state)));
            return new SnapshotRecord(aggregateId, version, storedType, json, lastModifiedOn);
        } catch (IOException | IllegalArgumentException e) {
            throw new EventEncodingException(aggregateId, version, state.getClass(), e.getMessage(), e);
        }
    }

    @Override
    public DecodedSnapshot decodeSnapshot(SnapshotRecord snapshot) {
        try {
            StoredTypeName stored = StoredTypeName.parse(snapshot.type());
            TypeRegistration registration = registry.registrationNamed(stored.name());
            if (registration == null || registration.event()) {
                throw new SnapshotDecodingException(snapshot.aggregateId(), snapshot.version(), snapshot.type(),
                        "no snapshot state class is registered under this type name", null);
            }
            if (stored.version() > registration.version()) {
                throw new SnapshotDecodingException(snapshot.aggregateId(), snapshot.version(), snapshot.type(),
                        "its schema version is newer than the registered version " + registration.version(), null);
            }
            SnapshotEnvelope envelope = mapper.readValue(snapshot.state(), SnapshotEnvelope.class);
            var stateTree = stored.version() == registration.version() ? envelope.state()
                    : upcasting.upcast(upcasting.read(envelope.state()), registration, stored.version());
            Object state = stateReaders.get(registration.type()).readValue(stateTree);
            return new DecodedSnapshot(new AggregateRoot.Restored(snapshot.aggregateId(), snapshot.version(),
                    envelope.createdOn(), snapshot.timestamp()), state);
        } catch (SnapshotDecodingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SnapshotDecodingException(snapshot.aggregateId(), snapshot.version(), snapshot.type(), e.getMessage(), e);
        }
    }
}
