package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.eventum.domain.DomainEvent;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decodes an event record straight from its payload: it streams the JSON fields into an argument
 * array, puts the stored event's id, version and timestamp in the header slots, and calls the
 * record's canonical constructor once. This is the replay hot path; it skips what Jackson's
 * general creator machinery costs per event (injected creator properties, a property buffer, a
 * reflective call with boxing), and matches its results: scalar fields of the common types are
 * read from the token directly when the token is the plain one, and everything else (other types,
 * coercions, nulls, errors) goes to the mapper's own reader for that component's type.
 *
 * <p>Only plain records qualify ({@link #of}): no Jackson annotations, no mix-ins, no naming
 * strategy, and default handling of unknown, missing and null properties. Other event classes are
 * decoded through Jackson's creator with injected header values, which gives the same result.
 */
final class RecordEventDecoder {

    private enum Kind { STRING, INT, LONG, BOOLEAN, DOUBLE, UUID, OTHER }

    private record Component(String name, int index, Kind kind, ObjectReader reader) {
    }

    private final Class<?> type;
    private final MethodHandle constructor;
    private final int idSlot;
    private final int versionSlot;
    private final int timestampSlot;
    private final Map<String, Component> components;
    /** Each argument's value when its property is absent: the primitive's zero, else null. */
    private final Object[] absent;
    private final boolean failOnUnknown;

    private RecordEventDecoder(Class<?> type, MethodHandle constructor, Class<?>[] parameterTypes, int idSlot, int versionSlot,
                               int timestampSlot, Map<String, Component> components, boolean failOnUnknown) {
        this.type = type;
        this.constructor = constructor;
        this.idSlot = idSlot;
        this.versionSlot = versionSlot;
        this.timestampSlot = timestampSlot;
        this.components = components;
        this.absent = new Object[parameterTypes.length];
        for (int i = 0; i < parameterTypes.length; i++) {
            absent[i] = absent(parameterTypes[i]);
        }
        this.failOnUnknown = failOnUnknown;
    }

    /** A decoder for {@code type}, if it is a plain event record this decoder reads exactly as Jackson would. */
    static Optional<RecordEventDecoder> of(Class<?> type, ObjectMapper mapper) {
        if (!type.isRecord() || !DomainEvent.class.isAssignableFrom(type) || !defaultsApply(mapper) || mapper.findMixInClassFor(type) != null
                || hasJacksonAnnotation(type)) {
            return Optional.empty();
        }
        RecordComponent[] recordComponents = type.getRecordComponents();
        int idSlot = -1;
        int versionSlot = -1;
        int timestampSlot = -1;
        Map<String, Component> components = new HashMap<>();
        Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
        for (int i = 0; i < recordComponents.length; i++) {
            RecordComponent component = recordComponents[i];
            parameterTypes[i] = component.getType();
            if (hasJacksonAnnotation(component) || hasJacksonAnnotation(component.getAccessor())) {
                return Optional.empty();
            }
            switch (component.getName()) {
                case EventHeaderIntrospector.ORIGINATOR_ID -> idSlot = component.getType() == UUID.class ? i : -2;
                case EventHeaderIntrospector.ORIGINATOR_VERSION -> versionSlot = component.getType() == long.class ? i : -2;
                case EventHeaderIntrospector.TIMESTAMP -> timestampSlot = component.getType() == Instant.class ? i : -2;
                default -> {
                    if (component.getType().getName().startsWith("java.util.Optional")) {
                        return Optional.empty();
                    }
                    components.put(component.getName(), new Component(component.getName(), i, kindOf(component.getType()),
                            mapper.readerFor(mapper.getTypeFactory().constructType(component.getGenericType()))));
                }
            }
        }
        if (idSlot < 0 || versionSlot < 0 || timestampSlot < 0) {
            return Optional.empty();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            if (hasJacksonAnnotation(canonical)) {
                return Optional.empty();
            }
            canonical.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, recordComponents.length)
                    .asType(MethodType.methodType(DomainEvent.class, Object[].class));
            return Optional.of(new RecordEventDecoder(type, handle, parameterTypes, idSlot, versionSlot, timestampSlot,
                    Map.copyOf(components), mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
        } catch (ReflectiveOperationException | RuntimeException inaccessible) {
            return Optional.empty();
        }
    }

    /** Reads an event from {@code parser}, which stands before the payload's first token, and closes it. */
    DomainEvent decode(JsonParser parser, UUID id, long version, Instant timestamp) throws IOException {
        Object[] arguments = absent.clone();
        arguments[idSlot] = id;
        arguments[versionSlot] = version;
        arguments[timestampSlot] = timestamp;
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw JsonMappingException.from(parser, "expected a JSON object for " + type.getName() + ", found " + parser.currentToken());
            }
            String name;
            while ((name = parser.nextFieldName()) != null) {
                JsonToken token = parser.nextToken();
                Component component = components.get(name);
                if (component != null) {
                    try {
                        arguments[component.index()] = read(component, token, parser);
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        // Name the property, as Jackson's creator does, so the error says which field is wrong.
                        throw JsonMappingException.wrapWithPath(e, type, name);
                    }
                } else if (failOnUnknown && !isHeader(name)) {
                    throw JsonMappingException.from(parser, "Unrecognized field \"" + name + "\" (class " + type.getName()
                            + "), not marked as ignorable");
                } else {
                    parser.skipChildren();
                }
            }
        }
        try {
            return (DomainEvent) constructor.invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the constructor of " + type.getName() + " failed: " + e, e);
        }
    }

    private static Object read(Component component, JsonToken token, JsonParser parser) throws IOException {
        switch (component.kind()) {
            case STRING -> {
                if (token == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
            }
            case INT -> {
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    return parser.getIntValue();
                }
            }
            case LONG -> {
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    return parser.getLongValue();
                }
            }
            case BOOLEAN -> {
                if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                    return token == JsonToken.VALUE_TRUE;
                }
            }
            case DOUBLE -> {
                if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    return parser.getDoubleValue();
                }
            }
            case UUID -> {
                if (token == JsonToken.VALUE_STRING && parser.getTextLength() == 36) {
                    return java.util.UUID.fromString(parser.getText());
                }
            }
            case OTHER -> {
                // Jackson's own reader for the component's type: every type, coercion and error.
            }
        }
        return component.reader().readValue(parser);
    }

    private static boolean isHeader(String name) {
        return name.equals(EventHeaderIntrospector.ORIGINATOR_ID) || name.equals(EventHeaderIntrospector.ORIGINATOR_VERSION)
                || name.equals(EventHeaderIntrospector.TIMESTAMP);
    }

    private static Kind kindOf(Class<?> type) {
        if (type == String.class) {
            return Kind.STRING;
        } else if (type == int.class || type == Integer.class) {
            return Kind.INT;
        } else if (type == long.class || type == Long.class) {
            return Kind.LONG;
        } else if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        } else if (type == double.class || type == Double.class) {
            return Kind.DOUBLE;
        } else if (type == UUID.class) {
            return Kind.UUID;
        }
        return Kind.OTHER;
    }

    /** What Jackson passes for a missing property: the primitive's zero, else null. */
    private static Object absent(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        } else if (type == boolean.class) {
            return false;
        } else if (type == char.class) {
            return '\0';
        } else if (type == long.class) {
            return 0L;
        } else if (type == double.class) {
            return 0d;
        } else if (type == float.class) {
            return 0f;
        } else if (type == short.class) {
            return (short) 0;
        } else if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    /** Whether the mapper reads properties the default way, which the fast path reproduces. */
    private static boolean defaultsApply(ObjectMapper mapper) {
        return mapper.getPropertyNamingStrategy() == null
                && !mapper.isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                && !mapper.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                && !mapper.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                && !mapper.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                && !mapper.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                && !mapper.isEnabled(DeserializationFeature.UNWRAP_ROOT_VALUE);
    }

    private static boolean hasJacksonAnnotation(java.lang.reflect.AnnotatedElement element) {
        for (var annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().startsWith("com.fasterxml.jackson")) {
                return true;
            }
        }
        if (element instanceof Constructor<?> constructor) {
            for (var parameterAnnotations : constructor.getParameterAnnotations()) {
                for (var annotation : parameterAnnotations) {
                    if (annotation.annotationType().getName().startsWith("com.fasterxml.jackson")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
