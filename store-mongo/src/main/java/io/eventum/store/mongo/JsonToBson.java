package io.eventum.store.mongo;

import org.bson.BsonBinaryWriter;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

import java.math.BigDecimal;

/**
 * Turns a JSON payload into a BSON sub-document a user can read and query in mongosh, when that
 * loses nothing: the store hands back an equal JSON object (same names, same values, numbers
 * exact), though not always the same bytes (whitespace and escapes are BSON's to choose). Numbers
 * a double cannot hold exactly become Decimal128; JSON that BSON cannot hold without loss
 * (duplicate or {@code $}-prefixed names, numbers beyond Decimal128, nesting deeper than MongoDB
 * allows, strings with a lone surrogate) is kept as a string instead, exactly as given.
 *
 * <p>Hand-written (Jackson's streaming parser feeding the driver's {@code BsonBinaryWriter}) not
 * because it is faster: in {@code MongoCodecBenchmark} the store's encode of a commit costs about
 * what the same writer fed by the driver's own {@code JsonReader} costs (one-event commit, CPU
 * 9.8–17.0 µs against 7.0–21.9 µs, error bars overlapping in every run), allocating 7.8–8.6 KB
 * against 10.3–10.6 KB. It stays because the driver's reader cannot keep a payload exactly
 * ({@code DriverJsonReaderTest}): it reads MongoDB Extended JSON, so an object such as
 * {@code {"$numberLong":"5"}} becomes a number and {@code {"$date":...}} a date; it reads any
 * number with a fraction or exponent as a double, dropping digits; and it fails on integers beyond
 * 64 bits.
 *
 * <p>Thread-safe.
 */
final class JsonToBson {

    /** A payload that is not well-formed JSON. */
    static final class InvalidJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidJsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * MongoDB nests documents at most 100 deep; an event payload sits three levels down in its
     * commit, so deeper payloads are kept as text rather than rejected by the server.
     */
    private static final int MAX_DEPTH = 90;

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonFactory LENIENT = JsonFactory.builder().build();

    private JsonToBson() {
    }

    /**
     * The BSON document holding an equal JSON object, or {@code null} if BSON cannot hold it
     * without loss and the payload must be stored as text.
     *
     * @throws InvalidJsonException if the bytes are not one well-formed JSON value
     */
    static byte[] toBson(byte[] json) throws InvalidJsonException {
        byte[] bson;
        try (JsonParser parser = STRICT.createParser(ObjectReadContext.empty(), json)) {
            bson = convert(parser);
            if (bson == null) {
                skipRest(parser);
            }
            if (parser.nextToken() != null) {
                throw new InvalidJsonException("trailing content after the JSON value", null);
            }
        } catch (StreamReadException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate ")) {
                requireWellFormed(json);
                return null;
            }
            throw new InvalidJsonException(e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new InvalidJsonException(e.getOriginalMessage(), e);
        }
        return bson;
    }

    /** Writes the object the parser starts on; null, leaving the parser inside it, if BSON cannot hold it. */
    private static byte[] convert(JsonParser parser) {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new StreamReadException(parser, "no JSON value: the payload is empty");
        }
        if (first != JsonToken.START_OBJECT) {
            return null;
        }
        BasicOutputBuffer buffer = new BasicOutputBuffer(256);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            int depth = 1;
            while (depth > 0) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw new StreamReadException(parser, "unexpected end of input");
                }
                switch (token) {
                    case PROPERTY_NAME -> {
                        String name = parser.currentName();
                        if (!storableName(name)) {
                            return null;
                        }
                        writer.writeName(name);
                    }
                    case START_OBJECT -> {
                        if (++depth > MAX_DEPTH) {
                            return null;
                        }
                        writer.writeStartDocument();
                    }
                    case START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            return null;
                        }
                        writer.writeStartArray();
                    }
                    case END_OBJECT -> {
                        depth--;
                        writer.writeEndDocument();
                    }
                    case END_ARRAY -> {
                        depth--;
                        writer.writeEndArray();
                    }
                    case VALUE_STRING -> {
                        String value = parser.getString();
                        if (hasLoneSurrogate(value)) {
                            return null;
                        }
                        writer.writeString(value);
                    }
                    case VALUE_NUMBER_INT -> {
                        switch (parser.getNumberType()) {
                            case INT -> writer.writeInt32(parser.getIntValue());
                            case LONG -> writer.writeInt64(parser.getLongValue());
                            default -> {
                                if (!writeDecimal(writer, parser.getDecimalValue())) {
                                    return null;
                                }
                            }
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> {
                        // A double renders back as Double.toString; any other spelling (1.50,
                        // 1e3, more digits than a double holds) keeps its digits as a decimal.
                        double value = parser.getDoubleValue();
                        if (Double.isFinite(value) && Double.toString(value).equals(parser.getString())) {
                            writer.writeDouble(value);
                        } else if (!writeDecimal(writer, parser.getDecimalValue())) {
                            return null;
                        }
                    }
                    case VALUE_TRUE, VALUE_FALSE -> writer.writeBoolean(token == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> writer.writeNull();
                    default -> {
                        return null;
                    }
                }
            }
        }
        return buffer.toByteArray();
    }

    /**
     * Names MongoDB stores and queries without surprises: not empty, no {@code $} prefix, no dot, no
     * NUL. (A name with a lone surrogate never gets here: the parser refuses it.)
     */
    private static boolean storableName(String name) {
        return !name.isEmpty() && name.charAt(0) != '$' && name.indexOf('.') < 0 && name.indexOf('\0') < 0;
    }

    /**
     * Whether the text holds a UTF-16 surrogate that is not half of a pair. BSON strings are UTF-8,
     * which has no form for one: the driver would write bytes that read back as U+FFFD, so a payload
     * string holding one is kept as text (its JSON escape {@code \}{@code uD800} is plain ASCII).
     */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean writeDecimal(BsonBinaryWriter writer, BigDecimal value) {
        try {
            writer.writeDecimal128(new Decimal128(value));
            return true;
        } catch (NumberFormatException tooPrecise) {
            return false;
        }
    }

    /** Reads (and so checks) the rest of the top-level value the parser is inside. */
    private static void skipRest(JsonParser parser) {
        while (!parser.streamReadContext().inRoot()) {
            if (parser.nextToken() == null) {
                throw new StreamReadException(parser, "unexpected end of input");
            }
        }
    }

    /**
     * The problem with JSON text read back from a document ({@code payloadJson}, {@code stateJson}),
     * or null if it is one well-formed JSON object with nothing after it. The store writes such text
     * only for payloads that passed that check, so a problem means the document was edited behind
     * its back, and the read must fail rather than hand on what it cannot vouch for.
     */
    static String problemWithStoredObject(byte[] json) {
        try (JsonParser parser = LENIENT.createParser(ObjectReadContext.empty(), json)) {
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return "it is not a JSON object";
                }
                parser.skipChildren();
            } catch (JacksonException e) {
                return "it is not well-formed JSON (" + e.getOriginalMessage() + ")";
            }
            try {
                if (parser.nextToken() == null) {
                    return null;
                }
            } catch (JacksonException e) {
                // Not even a token: still content after the object.
            }
            return "it has content after the JSON object";
        }
    }

    private static void requireWellFormed(byte[] json) throws InvalidJsonException {
        try (JsonParser parser = LENIENT.createParser(ObjectReadContext.empty(), json)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (JacksonException e) {
            throw new InvalidJsonException(e.getOriginalMessage(), e);
        }
    }
}
