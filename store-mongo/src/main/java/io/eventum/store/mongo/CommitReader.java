package io.eventum.store.mongo;

import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.StoredEvent;
import org.bson.BsonType;
import org.bson.ByteBuf;
import org.bson.RawBsonDocument;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Decodes commit documents from the bytes the cursor returned. Callers walk a commit's events in
 * array order, look at each event's aggregate id and version first, and decode in full (payload
 * to JSON, metadata, timestamp) only the events they return.
 *
 * <p>A document someone edited by hand so that a field has the wrong type fails with an
 * {@link EventStoreException} naming the commit, the event's index, aggregate id, version and
 * type (as far as they can still be read), and the broken field.
 */
final class CommitReader {

    private static final byte[] ID = Layout.ID.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENTS = Layout.EVENTS.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AGGREGATE_ID = Layout.AGGREGATE_ID.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION = Layout.VERSION.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE = Layout.TYPE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIMESTAMP = Layout.TIMESTAMP.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NANOS = Layout.NANOS.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] METADATA = Layout.METADATA.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD = Layout.PAYLOAD.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD_JSON = Layout.PAYLOAD_JSON.getBytes(StandardCharsets.US_ASCII);
    private static final byte BINARY_UUID = 4;

    /** The field a sorted read's {@code $unwind} puts each event's index within its commit in. */
    static final String UNWOUND_INDEX = "eventIndex";
    private static final byte[] UNWOUND_INDEX_NAME = UNWOUND_INDEX.getBytes(StandardCharsets.US_ASCII);

    private final String namespace;

    /** @param namespace the commits collection's namespace, for error messages */
    CommitReader(String namespace) {
        this.namespace = namespace;
    }

    /** One commit's bytes and the offsets of its position and events. */
    final class Commit {
        private final byte[] bytes;
        private final long firstPosition;
        private final int events;

        private Commit(byte[] bytes, int document) {
            this.bytes = bytes;
            long id = Long.MIN_VALUE;
            int eventsArray = -1;
            for (int element = RawBson.firstElement(document); !RawBson.isEnd(bytes, element); element = RawBson.next(bytes, element)) {
                if (RawBson.nameIs(bytes, element, ID) && bytes[element] == BsonType.INT64.getValue()) {
                    id = RawBson.int64(bytes, RawBson.value(bytes, element));
                } else if (RawBson.nameIs(bytes, element, EVENTS) && bytes[element] == BsonType.ARRAY.getValue()) {
                    eventsArray = RawBson.value(bytes, element);
                }
            }
            if (id == Long.MIN_VALUE || eventsArray < 0) {
                throw new EventStoreException("MongoDB store " + namespace + ": a commit document (_id " + describeId(bytes, document)
                        + ") has no 64-bit integer _id or no events array; was it edited by hand?");
            }
            this.firstPosition = id;
            this.events = eventsArray;
        }

        /** A commit known only by its first position: the parent of an unwound event. */
        private Commit(byte[] bytes, long firstPosition) {
            this.bytes = bytes;
            this.firstPosition = firstPosition;
            this.events = -1;
        }

        /** The position of the commit's first event; its i-th event is at {@code firstPosition() + i}. */
        long firstPosition() {
            return firstPosition;
        }

        /** The offset of the first event element, for {@link #nextEvent} and the event accessors. */
        int firstEvent() {
            return RawBson.firstElement(events);
        }

        boolean isEnd(int event) {
            return RawBson.isEnd(bytes, event);
        }

        int nextEvent(int event) {
            return RawBson.next(bytes, event);
        }

        /** The fields of the event element at {@code event}, the commit's {@code index}-th. */
        Event event(int event, int index) {
            return new Event(this, event, index);
        }
    }

    /** Reads a commit returned by a cursor. */
    Commit commit(RawBsonDocument document) {
        ByteBuf buffer = document.getByteBuffer();
        return new Commit(buffer.array(), buffer.arrayOffset() + buffer.position());
    }

    /**
     * Reads one result of a sorted read's pipeline: {@code {_id: <commit>, eventIndex: <index in the
     * commit>, events: <the event>}}.
     */
    Event unwound(RawBsonDocument result) {
        ByteBuf buffer = result.getByteBuffer();
        byte[] b = buffer.array();
        int document = buffer.arrayOffset() + buffer.position();
        long id = Long.MIN_VALUE;
        long index = -1;
        int event = -1;
        for (int element = RawBson.firstElement(document); !RawBson.isEnd(b, element); element = RawBson.next(b, element)) {
            if (RawBson.nameIs(b, element, ID) && b[element] == BsonType.INT64.getValue()) {
                id = RawBson.int64(b, RawBson.value(b, element));
            } else if (RawBson.nameIs(b, element, UNWOUND_INDEX_NAME) && b[element] == BsonType.INT64.getValue()) {
                index = RawBson.int64(b, RawBson.value(b, element));
            } else if (RawBson.nameIs(b, element, UNWOUND_INDEX_NAME) && b[element] == BsonType.INT32.getValue()) {
                index = RawBson.int32(b, RawBson.value(b, element));
            } else if (RawBson.nameIs(b, element, EVENTS)) {
                event = element;
            }
        }
        if (id == Long.MIN_VALUE || index < 0 || event < 0) {
            throw new EventStoreException("MongoDB store " + namespace + ": a sorted read returned " + result.toJson()
                    + ", which lacks the commit _id, the event index or the event; was a commit edited by hand?");
        }
        return new Event(new Commit(b, id), event, (int) index);
    }

    /** The offsets of one event's fields, found in one pass; each accessor checks the field's type. */
    final class Event {
        private final Commit commit;
        private final byte[] b;
        private final int index;
        private int aggregateId = -1;
        private int version = -1;
        private int type = -1;
        private int timestamp = -1;
        private int nanos = -1;
        private int metadata = -1;
        private int payload = -1;
        private int payloadJson = -1;

        private Event(Commit commit, int event, int index) {
            this.commit = commit;
            this.b = commit.bytes;
            this.index = index;
            if (b[event] != BsonType.DOCUMENT.getValue()) {
                throw corrupt("is a BSON " + RawBson.type(b, event) + ", not a document");
            }
            int document = RawBson.value(b, event);
            for (int element = RawBson.firstElement(document); !RawBson.isEnd(b, element); element = RawBson.next(b, element)) {
                if (RawBson.nameIs(b, element, AGGREGATE_ID)) {
                    aggregateId = element;
                } else if (RawBson.nameIs(b, element, VERSION)) {
                    version = element;
                } else if (RawBson.nameIs(b, element, TYPE)) {
                    type = element;
                } else if (RawBson.nameIs(b, element, TIMESTAMP)) {
                    timestamp = element;
                } else if (RawBson.nameIs(b, element, NANOS)) {
                    nanos = element;
                } else if (RawBson.nameIs(b, element, METADATA)) {
                    metadata = element;
                } else if (RawBson.nameIs(b, element, PAYLOAD)) {
                    payload = element;
                } else if (RawBson.nameIs(b, element, PAYLOAD_JSON)) {
                    payloadJson = element;
                }
            }
        }

        /** Whether this event belongs to the aggregate whose id bytes are {@code id} ({@link #idBytes}). */
        boolean isOf(byte[] id) {
            int value = uuidValue();
            for (int i = 0; i < 16; i++) {
                if (b[value + 5 + i] != id[i]) {
                    return false;
                }
            }
            return true;
        }

        UUID aggregateId() {
            int value = uuidValue() + 5;
            return new UUID(bigEndian(b, value), bigEndian(b, value + 8));
        }

        long version() {
            if (version >= 0 && b[version] == BsonType.INT32.getValue()) {
                return RawBson.int32(b, RawBson.value(b, version));
            }
            return RawBson.int64(b, valueOf(version, Layout.VERSION, BsonType.INT64));
        }

        String type() {
            return RawBson.string(b, valueOf(type, Layout.TYPE, BsonType.STRING));
        }

        /** The whole event, at position {@code commit first position + index}. */
        StoredEvent decode() {
            UUID id = aggregateId();
            long v = version();
            String t = type();
            long millis = RawBson.int64(b, valueOf(timestamp, Layout.TIMESTAMP, BsonType.DATE_TIME));
            int nanosOfMilli = nanos < 0 ? 0 : RawBson.int32(b, valueOf(nanos, Layout.NANOS, BsonType.INT32));
            if (nanosOfMilli < 0 || nanosOfMilli >= 1_000_000) {
                throw corrupt("field '" + Layout.NANOS + "' holds " + nanosOfMilli + ", outside 0..999999");
            }
            Instant instant = Instant.ofEpochMilli(millis).plusNanos(nanosOfMilli);
            return new StoredEvent(commit.firstPosition + index, id, v, t, payloadBytes(), metadata(), instant);
        }

        private byte[] payloadBytes() {
            if (payload >= 0 && payloadJson >= 0) {
                throw corrupt("has both '" + Layout.PAYLOAD + "' and '" + Layout.PAYLOAD_JSON + "'");
            }
            if (payloadJson >= 0) {
                int value = valueOf(payloadJson, Layout.PAYLOAD_JSON, BsonType.STRING);
                byte[] json = new byte[RawBson.stringLength(b, value)];
                System.arraycopy(b, value + 4, json, 0, json.length);
                String problem = JsonToBson.problemWithStoredObject(json);
                if (problem != null) {
                    throw corrupt("field '" + Layout.PAYLOAD_JSON + "' does not hold one JSON object: " + problem);
                }
                return json;
            }
            int value = valueOf(payload, Layout.PAYLOAD, BsonType.DOCUMENT);
            try {
                return BsonToJson.render(b, value);
            } catch (BsonToJson.UnsupportedValueException e) {
                throw corrupt("field " + e.under(Layout.PAYLOAD).getMessage());
            }
        }

        private Map<String, String> metadata() {
            if (metadata < 0) {
                return Map.of();
            }
            int document = valueOf(metadata, Layout.METADATA, BsonType.DOCUMENT);
            Map<String, String> entries = new HashMap<>();
            for (int element = RawBson.firstElement(document); !RawBson.isEnd(b, element); element = RawBson.next(b, element)) {
                String key = RawBson.nameString(b, element);
                if (b[element] != BsonType.STRING.getValue()) {
                    throw corrupt("metadata entry '" + key + "' holds a BSON " + RawBson.type(b, element) + ", expected a STRING");
                }
                entries.put(key, RawBson.string(b, RawBson.value(b, element)));
            }
            return entries.isEmpty() ? Map.of() : entries;
        }

        private int uuidValue() {
            int value = valueOf(aggregateId, Layout.AGGREGATE_ID, BsonType.BINARY);
            if (RawBson.int32(b, value) != 16 || b[value + 4] != BINARY_UUID) {
                throw corrupt("field '" + Layout.AGGREGATE_ID + "' is not a standard UUID (binary subtype 4, 16 bytes)");
            }
            return value;
        }

        /** The value offset of a field that must be present with {@code expected} type. */
        private int valueOf(int element, String name, BsonType expected) {
            if (element < 0) {
                throw corrupt("has no field '" + name + "'");
            }
            if (b[element] != expected.getValue()) {
                throw corrupt("field '" + name + "' holds a BSON " + RawBson.type(b, element) + ", expected a " + expected);
            }
            return RawBson.value(b, element);
        }

        private EventStoreException corrupt(String problem) {
            return new EventStoreException("MongoDB store " + namespace + ": the event at index " + index + " of commit "
                    + commit.firstPosition + " (aggregate " + readable(aggregateId, BsonType.BINARY) + ", version "
                    + readable(version, BsonType.INT64) + ", type " + readable(type, BsonType.STRING) + ") does not decode: "
                    + problem + "; was the document edited by hand?");
        }

        /** A field's value for an error message, without throwing: the message must name what it can. */
        private String readable(int element, BsonType expected) {
            if (element < 0) {
                return "missing";
            }
            int value = RawBson.value(b, element);
            if (b[element] == BsonType.BINARY.getValue() && expected == BsonType.BINARY
                    && RawBson.int32(b, value) == 16 && b[value + 4] == BINARY_UUID) {
                return new UUID(bigEndian(b, value + 5), bigEndian(b, value + 13)).toString();
            }
            if (b[element] == BsonType.INT64.getValue() && expected == BsonType.INT64) {
                return Long.toString(RawBson.int64(b, value));
            }
            if (b[element] == BsonType.INT32.getValue() && expected == BsonType.INT64) {
                return Integer.toString(RawBson.int32(b, value));
            }
            if (b[element] == BsonType.STRING.getValue() && expected == BsonType.STRING) {
                return RawBson.string(b, value);
            }
            return "unreadable " + RawBson.type(b, element);
        }
    }

    private static String describeId(byte[] b, int document) {
        for (int element = RawBson.firstElement(document); !RawBson.isEnd(b, element); element = RawBson.next(b, element)) {
            if (RawBson.nameIs(b, element, ID)) {
                return "of BSON type " + RawBson.type(b, element);
            }
        }
        return "missing";
    }

    /** The 16 bytes a standard (subtype 4) BSON UUID holds, to compare events' ids without decoding them. */
    static byte[] idBytes(UUID id) {
        byte[] bytes = new byte[16];
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }

    private static long bigEndian(byte[] b, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (b[at + i] & 0xff);
        }
        return value;
    }
}
