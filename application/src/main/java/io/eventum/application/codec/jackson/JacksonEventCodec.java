package io.eventum.application.codec.jackson;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.EventCodecFactory;
import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventEncodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.SnapshotDecodingException;
import io.eventum.application.codec.StoredTypeName;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.EventEnvelope;
import io.eventum.domain.StoredType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link EventCodec} that writes each event's own fields, and each snapshot's state, as a JSON
 * object with Jackson 3.
 *
 * <p>Events are plain records of domain data: the header (aggregate id, version, timestamp,
 * metadata) is never in the JSON, the store keeps it in its own fields. Classes are resolved only
 * through the {@link EventTypeRegistry}, once, when the codec is built: every stored type string
 * (each name, alias and schema version) maps to a ready decoder holding a cached reader, so the
 * replay path does one hash lookup per event and builds no reader. Events at the current schema
 * version decode straight from their bytes (records of plain scalars, with the default mapper,
 * without Jackson's data binding); older ones go through their
 * upcasters on a JSON map first. Jackson default typing is refused: stored data cannot name a class.
 *
 * <p>Decoding is strict where silence would lie (see {@link StrictEvents}): a property the class does
 * not have fails (a field removed without an upcaster would otherwise be dropped), a missing or null
 * value for a primitive component fails, text after the JSON object fails. A missing value of a
 * reference type reads as {@code null} (and an absent {@code Optional} as empty), so an event class
 * can gain a field without an upcaster. Every failure names the aggregate id, version, type and,
 * where Jackson knows it, the field.
 *
 * <p>Thread-safe.
 */
public final class JacksonEventCodec implements EventCodec {

    /** Finds this codec for applications built without one of their own (see {@link EventCodecFactory}). */
    public static final class Factory implements EventCodecFactory {

        /** Used by {@link java.util.ServiceLoader}. */
        public Factory() {
        }

        @Override
        public EventCodec create(EventTypeRegistry types) {
            return new JacksonEventCodec(types);
        }
    }

    private final EventTypeRegistry registry;
    private final JsonMapper mapper;
    private final JsonUpcasting upcasting;
    private final Map<String, StoredDecoder> decoders = new HashMap<>();
    private final Map<Class<?>, Encoder> eventEncoders = new HashMap<>();
    private final Map<Class<?>, Encoder> stateEncoders = new HashMap<>();
    private final Map<Class<?>, ObjectReader> stateReaders = new HashMap<>();

    private record Encoder(String storedType, ObjectWriter writer) {
    }

    /** A codec for the registry's types, with Eventum's {@linkplain #defaultMapper() default mapper}. */
    public JacksonEventCodec(EventTypeRegistry registry) {
        this(registry, defaultMapper(), true);
    }

    /**
     * A codec for the registry's types, with the modules and settings of {@code mapper} and Eventum's
     * strict decoding rules ({@link StrictEvents}) added.
     *
     * @throws IllegalArgumentException if {@code mapper} has default typing enabled, which would let
     *     stored data name classes to instantiate
     */
    public JacksonEventCodec(EventTypeRegistry registry, JsonMapper mapper) {
        this(registry, mapper, false);
    }

    /**
     * @param defaultMapper whether {@code mapper} is Eventum's own, unchanged: only then do records of
     *     plain scalars decode through {@link ScalarRecordReader}, which reads as that mapper does
     */
    private JacksonEventCodec(EventTypeRegistry registry, JsonMapper mapper, boolean defaultMapper) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.mapper = StrictEvents.apply(Objects.requireNonNull(mapper, "mapper"));
        this.upcasting = new JsonUpcasting(this.mapper);
        for (StoredType type : registry.eventTypes()) {
            eventEncoders.put(type.type(), new Encoder(StoredTypeName.of(type.name(), type.version()), this.mapper.writerFor(type.type())));
        }
        for (String name : registry.names()) {
            StoredType type = registry.named(name);
            if (registry.isEvent(type)) {
                ObjectReader reader = this.mapper.readerFor(type.type());
                ScalarRecordReader direct = defaultMapper ? ScalarRecordReader.of(type.type(), reader) : null;
                for (int version = 1; version <= type.version(); version++) {
                    decoders.put(StoredTypeName.of(name, version), new StoredDecoder(reader, direct, type, version, upcasting));
                }
            } else if (!stateEncoders.containsKey(type.type())) {
                stateEncoders.put(type.type(), new Encoder(StoredTypeName.of(type.name(), type.version()), this.mapper.writerFor(type.type())));
                stateReaders.put(type.type(), this.mapper.readerFor(type.type()));
            }
        }
    }

    /**
     * Eventum's default mapper: Jackson 3's defaults (java.time as ISO-8601 text, {@code Optional}
     * support, failing on nulls for primitives and on trailing tokens) plus failing on unknown
     * properties.
     */
    public static JsonMapper defaultMapper() {
        return StrictEvents.apply(JsonMapper.builder().build());
    }

    /** The registry this codec maps names with. */
    public EventTypeRegistry registry() {
        return registry;
    }

    @Override
    public EventRecord encode(EventEnvelope<?> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        Object event = envelope.event();
        Encoder encoder = eventEncoders.get(event.getClass());
        if (encoder == null) {
            throw new EventEncodingException(envelope.aggregateId(), envelope.version(), event.getClass(),
                    "the class is not an event of any aggregate type this application was built with", null);
        }
        byte[] payload;
        try {
            payload = encoder.writer().writeValueAsBytes(event);
        } catch (JacksonException e) {
            throw new EventEncodingException(envelope.aggregateId(), envelope.version(), event.getClass(), e.getOriginalMessage(), e);
        }
        return new EventRecord(envelope.aggregateId(), envelope.version(), encoder.storedType(), payload, envelope.metadata(),
                envelope.timestamp());
    }

    @Override
    public Object decode(StoredEvent stored) {
        StoredDecoder decoder = decoders.get(stored.type());
        if (decoder == null) {
            throw new EventDecodingException(stored.aggregateId(), stored.version(), stored.type(), unknownType(stored.type()), null);
        }
        return decoder.decode(stored);
    }

    private String unknownType(String storedType) {
        StoredTypeName parsed;
        try {
            parsed = StoredTypeName.parse(storedType);
        } catch (IllegalArgumentException malformed) {
            return malformed.getMessage();
        }
        StoredType type = registry.named(parsed.name());
        if (type != null && registry.isEvent(type)) {
            return "schema version " + parsed.version() + " is newer than the current version " + type.version()
                    + " of " + type.type().getName() + ": deploy the newer code";
        }
        return "no event class of this application's aggregate types is stored under this type name";
    }

    @Override
    public SnapshotRecord encodeSnapshot(UUID aggregateId, long version, Instant createdOn, Instant lastModifiedOn, Object state) {
        Objects.requireNonNull(state, "state");
        Encoder encoder = stateEncoders.get(state.getClass());
        if (encoder == null) {
            throw new EventEncodingException(aggregateId, version, state.getClass(),
                    "the class is not the snapshot state of any aggregate type this application was built with", null);
        }
        try {
            byte[] json = mapper.writeValueAsBytes(new SnapshotEnvelope(createdOn, mapper.valueToTree(state)));
            return new SnapshotRecord(aggregateId, version, encoder.storedType(), json, lastModifiedOn);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new EventEncodingException(aggregateId, version, state.getClass(), e.getMessage(), e);
        }
    }

    @Override
    public DecodedSnapshot decodeSnapshot(SnapshotRecord snapshot) {
        try {
            StoredTypeName stored = StoredTypeName.parse(snapshot.type());
            StoredType type = registry.named(stored.name());
            if (type == null || registry.isEvent(type)) {
                throw new SnapshotDecodingException(snapshot.aggregateId(), snapshot.version(), snapshot.type(),
                        "no snapshot state class is stored under this type name", null);
            }
            if (stored.version() > type.version()) {
                throw new SnapshotDecodingException(snapshot.aggregateId(), snapshot.version(), snapshot.type(),
                        "its schema version is newer than the current version " + type.version(), null);
            }
            SnapshotEnvelope envelope = mapper.readValue(snapshot.state(), SnapshotEnvelope.class);
            JsonNode state = stored.version() == type.version() ? envelope.state()
                    : upcasting.upcast(upcasting.read(envelope.state()), type, stored.version());
            Object decoded = stateReaders.get(type.type()).readValue(state);
            return new DecodedSnapshot(snapshot.aggregateId(), snapshot.version(), envelope.createdOn(), snapshot.timestamp(), decoded);
        } catch (SnapshotDecodingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SnapshotDecodingException(snapshot.aggregateId(), snapshot.version(), snapshot.type(), e.getMessage(), e);
        }
    }
}
