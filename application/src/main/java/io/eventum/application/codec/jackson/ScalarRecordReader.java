package io.eventum.application.codec.jackson;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectReader;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Decodes an event record whose components are all plain scalars (text, UUID, int, long, double,
 * boolean, boxed or not) straight from the token stream into its canonical constructor.
 *
 * <p>Why: Jackson 3's data binding spends 600-900 ns on a one-UUID record on this project's
 * machine, about twice what Jackson 2 spent, and most of it outside parsing; reading the tokens
 * directly costs 300-450 ns. A replay decodes every event of an aggregate, so this is its cost.
 *
 * <p>It only takes the plainest path and defers everything else: {@link #read} returns {@code null}
 * (and the caller decodes through Jackson's {@link ObjectReader}, which then gives its value or its
 * error) on any token it does not read exactly as Jackson would, an unknown or repeated name, a
 * missing or null primitive, text after the object, malformed JSON, or a constructor that throws.
 * It is used only with Eventum's default mapper and only for records that carry no Jackson
 * annotation, so no naming strategy, custom deserializer or mix-in can make Jackson read differently.
 */
final class ScalarRecordReader {

    private enum Kind { STRING, UUID, INT, LONG, DOUBLE, BOOLEAN }

    private final ObjectReader reader;
    private final Constructor<?> canonical;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final Kind[] kinds;
    private final boolean[] primitive;

    private ScalarRecordReader(ObjectReader reader, Constructor<?> canonical, RecordComponent[] components, Kind[] kinds) {
        this.reader = reader;
        this.canonical = canonical;
        this.kinds = kinds;
        this.primitive = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            indexes.put(components[i].getName(), i);
            primitive[i] = components[i].getType().isPrimitive();
        }
    }

    /** A reader for {@code type}, or {@code null} if it is not a record of plain scalars without Jackson annotations. */
    static ScalarRecordReader of(Class<?> type, ObjectReader reader) {
        if (!type.isRecord() || hasJacksonAnnotation(type)) {
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Kind[] kinds = new Kind[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            kinds[i] = kindOf(components[i].getType());
            types[i] = components[i].getType();
            if (kinds[i] == null || hasJacksonAnnotation(components[i]) || hasJacksonAnnotation(components[i].getAccessor())) {
                return null;
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (hasJacksonAnnotation(constructor)) {
                return null;
            }
        }
        for (var method : type.getDeclaredMethods()) {
            if (hasJacksonAnnotation(method)) {
                return null;
            }
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            if (hasJacksonAnnotation(canonical.getParameters())) {
                return null;
            }
            canonical.setAccessible(true);
            return new ScalarRecordReader(reader, canonical, components, kinds);
        } catch (ReflectiveOperationException | RuntimeException inaccessible) {
            return null; // Jackson's own path decides what happens then
        }
    }

    /** The decoded record, or {@code null} if Jackson's data binding must decode this payload. */
    Object read(byte[] payload) {
        Object[] values = new Object[kinds.length];
        boolean[] seen = new boolean[kinds.length];
        try (JsonParser parser = reader.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                Integer index = indexes.get(parser.currentName());
                if (index == null || seen[index]) {
                    return null;
                }
                seen[index] = true;
                Object value = value(parser, parser.nextToken(), kinds[index]);
                if (value == null && (primitive[index] || parser.currentToken() != JsonToken.VALUE_NULL)) {
                    return null;
                }
                values[index] = value;
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            for (int i = 0; i < kinds.length; i++) {
                if (primitive[i] && !seen[i]) {
                    return null;
                }
            }
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException deferred) {
            return null;
        }
    }

    /** The value of the current token, or {@code null} for JSON null and for anything Jackson must read. */
    private static Object value(JsonParser parser, JsonToken token, Kind kind) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return switch (kind) {
            case STRING -> token == JsonToken.VALUE_STRING ? parser.getString() : null;
            case UUID -> token == JsonToken.VALUE_STRING ? uuid(parser.getString()) : null;
            case INT -> token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                    ? parser.getIntValue() : null;
            case LONG -> token == JsonToken.VALUE_NUMBER_INT && (parser.getNumberType() == JsonParser.NumberType.INT
                    || parser.getNumberType() == JsonParser.NumberType.LONG) ? parser.getLongValue() : null;
            case DOUBLE -> token == JsonToken.VALUE_NUMBER_FLOAT ? parser.getDoubleValue() : null;
            case BOOLEAN -> token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        };
    }

    /** A UUID in its canonical 36-character form (as Jackson reads text), else {@code null}. */
    private static UUID uuid(String text) {
        if (text.length() != 36) {
            return null;
        }
        long most = 0;
        long least = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int nibble = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (nibble < 0) {
                return null;
            }
            if (digits < 16) {
                most = most << 4 | nibble;
            } else {
                least = least << 4 | nibble;
            }
            digits++;
        }
        return new UUID(most, least);
    }

    private static Kind kindOf(Class<?> type) {
        if (type == String.class) {
            return Kind.STRING;
        } else if (type == UUID.class) {
            return Kind.UUID;
        } else if (type == int.class || type == Integer.class) {
            return Kind.INT;
        } else if (type == long.class || type == Long.class) {
            return Kind.LONG;
        } else if (type == double.class || type == Double.class) {
            return Kind.DOUBLE;
        } else if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        return null;
    }

    private static boolean hasJacksonAnnotation(AnnotatedElement... elements) {
        for (AnnotatedElement element : elements) {
            for (Annotation annotation : element.getAnnotations()) {
                String name = annotation.annotationType().getName();
                if (name.startsWith("com.fasterxml.jackson.") || name.startsWith("tools.jackson.")) {
                    return true;
                }
            }
        }
        return false;
    }
}
