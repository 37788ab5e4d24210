package io.eventum.store.mongo;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.UuidRepresentation;
import org.bson.io.BasicOutputBuffer;
import org.bson.io.ByteBufferBsonInput;
import org.bson.json.Converter;
import org.bson.json.JsonMode;
import org.bson.json.JsonReader;
import org.bson.json.JsonWriter;
import org.bson.json.JsonWriterSettings;

import com.mongodb.MongoClientSettings;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The driver's own ways of doing what {@link CommitEncoder} and {@link CommitReader} do by hand,
 * written as a user of the driver would, for {@link MongoCodecBenchmark} to compare against.
 *
 * <p>Payload JSON is written by the driver's {@link JsonWriter} with settings that make it plain
 * JSON (numbers as numbers, not {@code {"$numberLong": ...}}), and refuse values JSON cannot hold.
 * Payload JSON is read by the driver's {@link JsonReader}: it reads extended JSON, so a payload
 * such as {@code {"n":{"$numberLong":"5"}}} would come back as {@code {"n":5}}, and numbers with
 * more digits than a double holds lose them; the benchmark's payloads have neither, so both sides
 * produce the same events.
 */
final class DriverCommitCodec {

    /** Plain JSON: numbers as numbers, doubles as {@link Double#toString}, decimals with their digits. */
    static final JsonWriterSettings PLAIN_JSON = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED)
            .int64Converter((value, writer) -> writer.writeNumber(Long.toString(value)))
            .doubleConverter((value, writer) -> {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("the double " + value + " has no JSON form");
                }
                writer.writeNumber(Double.toString(value));
            })
            .decimal128Converter((value, writer) -> {
                if (value.isNaN() || value.isInfinite()) {
                    throw new IllegalArgumentException("the decimal " + value + " has no JSON form");
                }
                writer.writeNumber(value.toString());
            })
            .dateTimeConverter(refuse("DATE_TIME"))
            .binaryConverter(refuse("BINARY"))
            .objectIdConverter(refuse("OBJECT_ID"))
            .timestampConverter(refuse("TIMESTAMP"))
            .regularExpressionConverter(refuse("REGULAR_EXPRESSION"))
            .symbolConverter(refuse("SYMBOL"))
            .minKeyConverter(refuse("MIN_KEY"))
            .maxKeyConverter(refuse("MAX_KEY"))
            .undefinedConverter(refuse("UNDEFINED"))
            .javaScriptConverter(refuse("JAVASCRIPT"))
            .build();

    private static final BsonDocumentCodec BSON_DOCUMENT = new BsonDocumentCodec();
    /** The default registry, told to write UUIDs as standard BSON UUIDs, as the store's client is. */
    private static final Codec<Document> DOCUMENT = CodecRegistries.withUuidRepresentation(
            MongoClientSettings.getDefaultCodecRegistry(), UuidRepresentation.STANDARD).get(Document.class);
    private static final DecoderContext DECODE = DecoderContext.builder().build();

    private DriverCommitCodec() {
    }

    private static <T> Converter<T> refuse(String type) {
        return (value, writer) -> {
            throw new IllegalArgumentException("a BSON " + type + " has no JSON form");
        };
    }

    // ---- encode ----------------------------------------------------------------------------

    /**
     * The commit written with the driver's {@link BsonBinaryWriter}, as {@link CommitEncoder} does,
     * but each payload read by the driver's {@link JsonReader} and piped into the writer.
     */
    static RawBsonDocument encodeStreaming(List<EventRecord> events, long position) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(512 + events.size() * 256);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            writer.writeInt64(Layout.ID, position);
            writer.writeInt64(Layout.LAST, position + events.size() - 1);
            writer.writeStartArray(Layout.EVENTS);
            for (EventRecord event : events) {
                writer.writeStartDocument();
                writer.writeBinaryData(Layout.AGGREGATE_ID, new BsonBinary(event.aggregateId()));
                writer.writeInt64(Layout.VERSION, event.version());
                writer.writeString(Layout.TYPE, event.type());
                writer.writeDateTime(Layout.TIMESTAMP, event.timestamp().toEpochMilli());
                writer.writeInt32(Layout.NANOS, event.timestamp().getNano() % 1_000_000);
                if (!event.metadata().isEmpty()) {
                    writer.writeStartDocument(Layout.METADATA);
                    event.metadata().forEach(writer::writeString);
                    writer.writeEndDocument();
                }
                writer.writeName(Layout.PAYLOAD);
                writer.pipe(new JsonReader(new String(event.payload(), StandardCharsets.UTF_8)));
                writer.writeEndDocument();
            }
            writer.writeEndArray();
            writer.writeStartArray(Layout.KEYS);
            for (EventRecord event : events) {
                writer.writeString(Layout.key(event.aggregateId(), event.version()));
            }
            writer.writeEndArray();
            writer.writeEndDocument();
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    /**
     * The commit built as a {@link BsonDocument} tree (payloads by {@link BsonDocument#parse}) and
     * encoded by the driver's {@link BsonDocumentCodec}, as the collection would encode it on insert.
     */
    static RawBsonDocument encodeBsonDocument(List<EventRecord> events, long position) {
        BsonArray array = new BsonArray(new ArrayList<>(events.size()));
        BsonArray keys = new BsonArray(new ArrayList<>(events.size()));
        for (EventRecord event : events) {
            BsonDocument document = new BsonDocument(Layout.AGGREGATE_ID, new BsonBinary(event.aggregateId()))
                    .append(Layout.VERSION, new BsonInt64(event.version()))
                    .append(Layout.TYPE, new BsonString(event.type()))
                    .append(Layout.TIMESTAMP, new BsonDateTime(event.timestamp().toEpochMilli()))
                    .append(Layout.NANOS, new BsonInt32(event.timestamp().getNano() % 1_000_000));
            if (!event.metadata().isEmpty()) {
                BsonDocument metadata = new BsonDocument();
                event.metadata().forEach((key, value) -> metadata.append(key, new BsonString(value)));
                document.append(Layout.METADATA, metadata);
            }
            document.append(Layout.PAYLOAD, BsonDocument.parse(new String(event.payload(), StandardCharsets.UTF_8)));
            array.add(document);
            keys.add(new BsonString(Layout.key(event.aggregateId(), event.version())));
        }
        BsonDocument commit = new BsonDocument(Layout.ID, new BsonInt64(position))
                .append(Layout.LAST, new BsonInt64(position + events.size() - 1))
                .append(Layout.EVENTS, array)
                .append(Layout.KEYS, keys);
        return new RawBsonDocument(commit, BSON_DOCUMENT);
    }

    /**
     * The commit built as a {@link Document} (payloads by {@link Document#parse}) and encoded by the
     * codec the default registry gives for it: the driver's everyday API.
     */
    static RawBsonDocument encodeDocument(List<EventRecord> events, long position) {
        List<Document> array = new ArrayList<>(events.size());
        List<String> keys = new ArrayList<>(events.size());
        for (EventRecord event : events) {
            Document document = new Document(Layout.AGGREGATE_ID, event.aggregateId())
                    .append(Layout.VERSION, event.version())
                    .append(Layout.TYPE, event.type())
                    .append(Layout.TIMESTAMP, new BsonDateTime(event.timestamp().toEpochMilli()))
                    .append(Layout.NANOS, event.timestamp().getNano() % 1_000_000);
            if (!event.metadata().isEmpty()) {
                document.append(Layout.METADATA, new Document(new HashMap<>(event.metadata())));
            }
            document.append(Layout.PAYLOAD, Document.parse(new String(event.payload(), StandardCharsets.UTF_8)));
            array.add(document);
            keys.add(Layout.key(event.aggregateId(), event.version()));
        }
        Document commit = new Document(Layout.ID, position).append(Layout.LAST, position + events.size() - 1)
                .append(Layout.EVENTS, array).append(Layout.KEYS, keys);
        return new RawBsonDocument(commit, DOCUMENT);
    }

    // ---- decode ----------------------------------------------------------------------------

    /**
     * Decodes a commit in one pass of the driver's {@link BsonBinaryReader} (what a {@link Codec}
     * registered for a commit class would do), each payload piped into a {@link JsonWriter}.
     */
    static void decodeStreaming(RawBsonDocument commit, List<StoredEvent> out) {
        try (BsonBinaryReader reader = new BsonBinaryReader(new ByteBufferBsonInput(commit.getByteBuffer()))) {
            reader.readStartDocument();
            long first = 0;
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String name = reader.readName();
                if (name.equals(Layout.ID)) {
                    first = reader.readInt64();
                } else if (name.equals(Layout.EVENTS)) {
                    reader.readStartArray();
                    int index = 0;
                    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                        out.add(readEvent(reader, first + index++));
                    }
                    reader.readEndArray();
                } else {
                    reader.skipValue();
                }
            }
            reader.readEndDocument();
        }
    }

    private static StoredEvent readEvent(BsonBinaryReader reader, long position) {
        reader.readStartDocument();
        UUID id = null;
        long version = 0;
        String type = null;
        long millis = 0;
        int nanos = 0;
        Map<String, String> metadata = Map.of();
        byte[] payload = null;
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case Layout.AGGREGATE_ID -> id = reader.readBinaryData().asUuid();
                case Layout.VERSION -> version = reader.readInt64();
                case Layout.TYPE -> type = reader.readString();
                case Layout.TIMESTAMP -> millis = reader.readDateTime();
                case Layout.NANOS -> nanos = reader.readInt32();
                case Layout.METADATA -> {
                    metadata = new HashMap<>();
                    reader.readStartDocument();
                    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                        metadata.put(reader.readName(), reader.readString());
                    }
                    reader.readEndDocument();
                }
                case Layout.PAYLOAD -> {
                    StringWriter json = new StringWriter(256);
                    new JsonWriter(json, PLAIN_JSON).pipe(reader);
                    payload = json.toString().getBytes(StandardCharsets.UTF_8);
                }
                case Layout.PAYLOAD_JSON -> payload = reader.readString().getBytes(StandardCharsets.UTF_8);
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new StoredEvent(position, id, version, type, payload, metadata, Instant.ofEpochMilli(millis).plusNanos(nanos));
    }

    /** Decodes a commit into a {@link BsonDocument} with the driver's codec, then reads the tree. */
    static void decodeBsonDocument(RawBsonDocument commit, List<StoredEvent> out) {
        BsonDocument document = BSON_DOCUMENT.decode(new BsonBinaryReader(new ByteBufferBsonInput(commit.getByteBuffer())), DECODE);
        readTree(document, out);
    }

    /** Reads a commit through {@link RawBsonDocument}'s own accessors, which decode each field on access. */
    static void decodeRaw(RawBsonDocument commit, List<StoredEvent> out) {
        readTree(commit, out);
    }

    private static void readTree(BsonDocument commit, List<StoredEvent> out) {
        long first = commit.getInt64(Layout.ID).getValue();
        int index = 0;
        for (BsonValue value : commit.getArray(Layout.EVENTS)) {
            BsonDocument event = value.asDocument();
            Map<String, String> metadata = Map.of();
            BsonValue meta = event.get(Layout.METADATA);
            if (meta != null) {
                metadata = new HashMap<>();
                for (Map.Entry<String, BsonValue> entry : meta.asDocument().entrySet()) {
                    metadata.put(entry.getKey(), entry.getValue().asString().getValue());
                }
            }
            BsonValue text = event.get(Layout.PAYLOAD_JSON);
            byte[] payload = text != null
                    ? text.asString().getValue().getBytes(StandardCharsets.UTF_8)
                    : event.getDocument(Layout.PAYLOAD).toJson(PLAIN_JSON).getBytes(StandardCharsets.UTF_8);
            BsonInt32 nanos = event.getInt32(Layout.NANOS, new BsonInt32(0));
            out.add(new StoredEvent(first + index++, event.getBinary(Layout.AGGREGATE_ID).asUuid(), event.getInt64(Layout.VERSION).getValue(),
                    event.getString(Layout.TYPE).getValue(), payload, metadata,
                    Instant.ofEpochMilli(event.getDateTime(Layout.TIMESTAMP).getValue()).plusNanos(nanos.getValue())));
        }
    }
}
