package io.eventum.store.mongo;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.Tracking;
import org.bson.BsonBinary;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.eventum.store.mongo.Layout.AGGREGATE_ID;
import static io.eventum.store.mongo.Layout.EVENTS;
import static io.eventum.store.mongo.Layout.FOLLOWER;
import static io.eventum.store.mongo.Layout.ID;
import static io.eventum.store.mongo.Layout.KEYS;
import static io.eventum.store.mongo.Layout.LAST;
import static io.eventum.store.mongo.Layout.METADATA;
import static io.eventum.store.mongo.Layout.NANOS;
import static io.eventum.store.mongo.Layout.PAYLOAD;
import static io.eventum.store.mongo.Layout.PAYLOAD_JSON;
import static io.eventum.store.mongo.Layout.POSITION;
import static io.eventum.store.mongo.Layout.TIMESTAMP;
import static io.eventum.store.mongo.Layout.TRACKING;
import static io.eventum.store.mongo.Layout.TYPE;
import static io.eventum.store.mongo.Layout.VERSION;

/**
 * Encodes one append as one commit document (the layout is in the README), with the driver's
 * {@link BsonBinaryWriter}; payloads go through {@link JsonToBson}. The batch is encoded once; a
 * retry at another position only rewrites the two position fields in place, which sit at fixed
 * offsets because they are the first two elements. (Building the commit as a {@code BsonDocument}
 * or {@code Document} and letting the driver's codec encode it cost 1.2–4x the CPU on the means
 * of one noisy run and 1.5–2.3x the allocation in {@code MongoCodecBenchmark}, and needs the
 * driver's JSON reader for payloads.)
 */
final class CommitEncoder {

    /** MongoDB's largest document. */
    static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    /** Where the value of {@code _id}, then of {@code last}, sits: after the size and each element's type and name. */
    private static final int ID_VALUE = 4 + 1 + ID.length() + 1;
    private static final int LAST_VALUE = ID_VALUE + 8 + 1 + LAST.length() + 1;

    private CommitEncoder() {
    }

    /** An encoded batch, ready to be inserted at a position. */
    static final class EncodedCommit {
        private final byte[] bytes;
        private final int eventCount;
        private final List<String> keys;

        private EncodedCommit(byte[] bytes, int eventCount, List<String> keys) {
            this.bytes = bytes;
            this.eventCount = eventCount;
            this.keys = keys;
        }

        /** The commit with its first event at {@code position}; the events follow at +1, +2, ... */
        RawBsonDocument at(long position) {
            putInt64(bytes, ID_VALUE, position);
            if (eventCount > 0) {
                putInt64(bytes, LAST_VALUE, position + eventCount - 1);
            }
            return new RawBsonDocument(bytes);
        }

        private static void putInt64(byte[] b, int at, long value) {
            for (int i = 0; i < 8; i++) {
                b[at + i] = (byte) (value >>> (8 * i));
            }
        }

        int eventCount() {
            return eventCount;
        }

        /** The events' unique keys, in batch order. */
        List<String> keys() {
            return keys;
        }
    }

    /**
     * Encodes a batch that {@link io.eventum.application.store.EventBatches#requireValid} accepted.
     *
     * @throws IllegalArgumentException naming the event, if a payload is not JSON, a metadata key
     *     holds a NUL character, a type name, metadata key or value or the follower name holds a lone
     *     surrogate, a timestamp lies outside BSON's date range, or the whole batch
     *     exceeds MongoDB's 16 MiB document limit
     */
    static EncodedCommit encode(List<EventRecord> events, Tracking tracking) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(512 + events.size() * 256);
        List<String> keys = new ArrayList<>(events.size());
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            writer.writeInt64(ID, 0);
            if (!events.isEmpty()) {
                writer.writeInt64(LAST, 0);
            }
            if (tracking != null) {
                requireUtf8(tracking.follower(), "a follower name", () -> "the tracking record of the batch (follower "
                        + tracking.follower() + ", position " + tracking.position() + ")");
                writer.writeStartDocument(TRACKING);
                writer.writeString(FOLLOWER, tracking.follower());
                writer.writeInt64(POSITION, tracking.position());
                writer.writeEndDocument();
            }
            writer.writeStartArray(EVENTS);
            for (int i = 0; i < events.size(); i++) {
                EventRecord event = events.get(i);
                writeEvent(writer, event, i);
                keys.add(Layout.key(event.aggregateId(), event.version()));
            }
            writer.writeEndArray();
            if (!keys.isEmpty()) {
                // Left out, not empty, for a commit without events: the unique index is sparse, and an
                // empty array would be indexed as one shared "undefined" key.
                writer.writeStartArray(KEYS);
                keys.forEach(writer::writeString);
                writer.writeEndArray();
            }
            writer.writeEndDocument();
        }
        if (buffer.getPosition() > MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("the batch of " + events.size() + " events encodes to " + buffer.getPosition()
                    + " bytes, above MongoDB's 16 MiB document limit: one append is one document, so split the batch");
        }
        return new EncodedCommit(buffer.toByteArray(), events.size(), keys);
    }

    private static void writeEvent(BsonBinaryWriter writer, EventRecord event, int index) {
        writer.writeStartDocument();
        writer.writeBinaryData(AGGREGATE_ID, new BsonBinary(event.aggregateId()));
        writer.writeInt64(VERSION, event.version());
        requireUtf8(event.type(), "a type name", () -> describe(event, index));
        writer.writeString(TYPE, event.type());
        writeTimestamp(writer, event.timestamp(), () -> describe(event, index));
        if (!event.metadata().isEmpty()) {
            writer.writeStartDocument(METADATA);
            for (Map.Entry<String, String> entry : event.metadata().entrySet()) {
                if (entry.getKey().indexOf('\0') >= 0) {
                    throw new IllegalArgumentException(describe(event, index) + " has a metadata key holding a NUL character, "
                            + "which a BSON field name cannot hold; nothing was stored");
                }
                requireUtf8(entry.getKey(), "a metadata key", () -> describe(event, index));
                requireUtf8(entry.getValue(), "the value of metadata key '" + entry.getKey() + "'", () -> describe(event, index));
                writer.writeString(entry.getKey(), entry.getValue());
            }
            writer.writeEndDocument();
        }
        writeJson(writer, PAYLOAD, PAYLOAD_JSON, event.payload(), () -> describe(event, index));
        writer.writeEndDocument();
    }

    /**
     * Refuses text that a BSON string cannot hold. BSON strings are UTF-8, which has no form for a
     * lone surrogate: the driver would write bytes that every reader decodes as U+FFFD, so two
     * different names would be stored as one. Payloads never get here: JSON escapes keep them.
     */
    static void requireUtf8(String text, String what, Supplier<String> owner) {
        if (JsonToBson.hasLoneSurrogate(text)) {
            throw new IllegalArgumentException(owner.get() + " has " + what + " holding a lone surrogate, which a BSON string "
                    + "(UTF-8) cannot hold: MongoDB would return U+FFFD in its place; nothing was stored");
        }
    }

    /**
     * Writes an instant as a BSON date plus the nanoseconds within its millisecond: BSON dates hold
     * milliseconds, and the port promises timestamps back exactly.
     */
    static void writeTimestamp(BsonBinaryWriter writer, Instant timestamp, Supplier<String> owner) {
        long millis;
        try {
            millis = timestamp.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(owner.get() + " has timestamp " + timestamp
                    + ", outside the range a BSON date holds; nothing was stored", e);
        }
        writer.writeDateTime(TIMESTAMP, millis);
        writer.writeInt32(NANOS, timestamp.getNano() % 1_000_000);
    }

    /** Writes JSON as a sub-document under {@code documentName} if that loses nothing, else as text under {@code textName}. */
    static void writeJson(BsonBinaryWriter writer, String documentName, String textName, byte[] json,
                          Supplier<String> owner) {
        byte[] bson;
        try {
            bson = JsonToBson.toBson(json);
        } catch (JsonToBson.InvalidJsonException e) {
            throw new IllegalArgumentException(owner.get() + " is not well-formed JSON (" + e.getMessage()
                    + "); nothing was stored", e);
        }
        if (bson == null) {
            String text = new String(json, StandardCharsets.UTF_8);
            if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), json)) {
                throw new IllegalArgumentException(owner.get() + " is not valid UTF-8; nothing was stored");
            }
            writer.writeString(textName, text);
        } else {
            writer.writeName(documentName);
            writer.pipe(new BsonBinaryReader(ByteBuffer.wrap(bson)));
        }
    }

    private static String describe(EventRecord event, int index) {
        return "event " + index + " of the batch (aggregate " + event.aggregateId() + " version " + event.version()
                + " type " + event.type() + ")";
    }
}
