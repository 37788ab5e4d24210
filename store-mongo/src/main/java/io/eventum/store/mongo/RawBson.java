package io.eventum.store.mongo;

import org.bson.BsonType;

import java.nio.charset.StandardCharsets;

/**
 * Reads BSON straight from the bytes a cursor returned, without building a map per document: the
 * replay path walks each commit's elements once and copies out only what it keeps. The bytes come
 * from the server, so they are well-formed BSON; what a hand edit can break is which type a field
 * has, and callers check that through {@link #type}.
 *
 * <p>An element is addressed by its offset, the position of its type byte. A document's elements
 * start at {@code document + 4} and end at the terminating zero byte.
 */
final class RawBson {

    private RawBson() {
    }

    static int int32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static long int64(byte[] b, int at) {
        return (int32(b, at) & 0xffffffffL) | (long) int32(b, at + 4) << 32;
    }

    static void putInt64(byte[] b, int at, long value) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    /** The offset of a document's first element, or of its terminator when it is empty. */
    static int firstElement(int document) {
        return document + 4;
    }

    /** Whether {@code element} is the terminator of its document rather than an element. */
    static boolean isEnd(byte[] b, int element) {
        return b[element] == 0;
    }

    static BsonType type(byte[] b, int element) {
        return BsonType.findByValue(b[element]);
    }

    /** Whether the element's name is exactly {@code name} (ASCII). */
    static boolean nameIs(byte[] b, int element, byte[] name) {
        int at = element + 1;
        for (byte c : name) {
            if (b[at++] != c) {
                return false;
            }
        }
        return b[at] == 0;
    }

    static String nameString(byte[] b, int element) {
        int start = element + 1;
        return new String(b, start, cstringEnd(b, start) - start, StandardCharsets.UTF_8);
    }

    /** The offset of the element's value. */
    static int value(byte[] b, int element) {
        return cstringEnd(b, element + 1) + 1;
    }

    /** The offset of the element after this one (or of the document's terminator). */
    static int next(byte[] b, int element) {
        int value = value(b, element);
        return value + valueSize(b, b[element], value);
    }

    /** A string value: its UTF-8 bytes start at {@code value + 4} and run {@code stringLength} bytes. */
    static int stringLength(byte[] b, int value) {
        return int32(b, value) - 1;
    }

    static String string(byte[] b, int value) {
        return new String(b, value + 4, stringLength(b, value), StandardCharsets.UTF_8);
    }

    /** The size in bytes of a value of {@code type} starting at {@code value}. */
    static int valueSize(byte[] b, byte type, int value) {
        return switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> 8;             // double, date, timestamp, int64
            case 0x02, 0x0D, 0x0E -> 4 + int32(b, value);  // string, code, symbol
            case 0x03, 0x04, 0x0F -> int32(b, value);      // document, array, code with scope
            case 0x05 -> 5 + int32(b, value);              // binary: length, subtype, bytes
            case 0x06, 0x0A, (byte) 0xFF, 0x7F -> 0;       // undefined, null, min key, max key
            case 0x07 -> 12;                               // object id
            case 0x08 -> 1;                                // boolean
            case 0x0B -> {                                 // regex: two cstrings
                int options = cstringEnd(b, value) + 1;
                yield cstringEnd(b, options) + 1 - value;
            }
            case 0x0C -> 4 + int32(b, value) + 12;         // db pointer
            case 0x10 -> 4;                                // int32
            case 0x13 -> 16;                               // decimal128
            default -> throw new IllegalStateException("unknown BSON type 0x" + Integer.toHexString(type & 0xff));
        };
    }

    private static int cstringEnd(byte[] b, int start) {
        int at = start;
        while (b[at] != 0) {
            at++;
        }
        return at;
    }
}
