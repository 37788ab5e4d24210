package io.eventum.application.store;

import java.time.Instant;
import java.util.Map;

/**
 * What every {@link EventStore} keeps exactly, defined once, here, and checked where records are
 * made ({@link EventRecord}, {@link SnapshotRecord}, {@link Tracking}), before any store sees them:
 * so every store accepts the same values and refuses the same ones, and a value is never stored
 * changed or stored unreadable. A value outside these rules is refused with an
 * {@link IllegalArgumentException} that names the aggregate id, version and type, and nothing is
 * stored.
 *
 * <ul>
 *   <li><b>Text</b> (type names, metadata keys and values, follower names, and strings inside
 *       payloads) is valid Unicode: no lone surrogate, no U+0000 (PostgreSQL cannot store it, BSON
 *       keys cannot hold it). Type names, follower names and metadata keys are 1 to
 *       {@value #MAX_NAME_LENGTH} characters without control characters; metadata values are at
 *       most {@value #MAX_METADATA_VALUE_LENGTH} characters; an event carries at most
 *       {@value #MAX_METADATA_ENTRIES} metadata entries.</li>
 *   <li><b>Payloads and snapshot states</b> are one JSON object (RFC 8259) in strict UTF-8, at most
 *       {@value #MAX_PAYLOAD_BYTES} bytes, nested at most {@value #MAX_DEPTH} levels deep, with member
 *       names of at most {@value #MAX_MEMBER_NAME_LENGTH} characters, none repeated in an object, and numbers of at most {@value #MAX_NUMBER_LENGTH}
 *       characters whose exponent is at most {@value #MAX_EXPONENT} in size. Eventum's Jackson codec
 *       reads and writes with these same limits, so whatever is stored decodes.</li>
 *   <li><b>Timestamps</b> lie between {@link #MIN_TIMESTAMP} and {@link #MAX_TIMESTAMP} (years 1 to
 *       9999, UTC) and are kept at microsecond precision.</li>
 * </ul>
 *
 * <p>A MongoDB store also refuses an append whose events together exceed what one document holds
 * (16 MiB); see its README.
 */
public final class StoredValues {

    /** The longest type name, follower name or metadata key, in characters. */
    public static final int MAX_NAME_LENGTH = 255;
    /** The longest metadata value, in characters. */
    public static final int MAX_METADATA_VALUE_LENGTH = 65_536;
    /** The most metadata entries one event carries. */
    public static final int MAX_METADATA_ENTRIES = 100;
    /** The largest payload or snapshot state, in bytes of UTF-8 JSON: 8 MiB. */
    public static final int MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;
    /** The longest member name of an object in a payload, in characters. */
    public static final int MAX_MEMBER_NAME_LENGTH = 10_000;
    /** The deepest nesting of objects and arrays in a payload, the payload object itself counting 1. */
    public static final int MAX_DEPTH = 500;
    /** The longest number in a payload, in characters. */
    public static final int MAX_NUMBER_LENGTH = 1_000;
    /** The largest exponent of a number in a payload, in size ({@code 1e9999} is the largest power of ten). */
    public static final int MAX_EXPONENT = 9_999;
    /** The earliest timestamp every store keeps: 0001-01-01T00:00:00Z. */
    public static final Instant MIN_TIMESTAMP = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest timestamp every store keeps: 9999-12-31T23:59:59.999999Z. */
    public static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** How much of a refused value a message repeats, in characters. */
    private static final int QUOTED_LENGTH = 80;

    private StoredValues() {
    }

    /**
     * The problem with {@code name} as a type name, follower name or metadata key, or {@code null}
     * if it has none.
     */
    public static String problemWithName(String name) {
        if (name == null || name.isEmpty()) {
            return "it is empty";
        }
        if (name.isBlank()) {
            return "it is blank";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "it is " + name.length() + " characters long, more than " + MAX_NAME_LENGTH;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "it holds the control character U+" + hex(name.charAt(i)) + " at index " + i;
            }
        }
        return problemWithText(name);
    }

    /** The problem with {@code text} as stored text (a lone surrogate, U+0000), or {@code null} if it has none. */
    public static String problemWithText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "it holds U+0000 at index " + i + ", which not every store can keep";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "it holds a lone surrogate U+" + hex(c) + " at index " + i + ", which is not Unicode text";
            }
        }
        return null;
    }

    /** The problem with {@code metadata}, or {@code null} if it has none. */
    static String problemWithMetadata(Map<String, String> metadata) {
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            return "it has " + metadata.size() + " metadata entries, more than " + MAX_METADATA_ENTRIES;
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String key = entry.getKey();
            if (key == null) {
                return "a metadata key is null";
            }
            String problem = problemWithName(key);
            if (problem != null) {
                return "the metadata key " + quote(key) + " is refused: " + problem;
            }
            String value = entry.getValue();
            if (value == null) {
                return "the metadata value of " + quote(key) + " is null";
            }
            if (value.length() > MAX_METADATA_VALUE_LENGTH) {
                return "the metadata value of " + quote(key) + " is " + value.length() + " characters long, more than "
                        + MAX_METADATA_VALUE_LENGTH;
            }
            problem = problemWithText(value);
            if (problem != null) {
                return "the metadata value of " + quote(key) + " is refused: " + problem;
            }
        }
        return null;
    }

    /** The problem with {@code timestamp}, or {@code null} if it lies in the supported range. */
    static String problemWithTimestamp(Instant timestamp) {
        if (timestamp.isBefore(MIN_TIMESTAMP) || timestamp.isAfter(MAX_TIMESTAMP)) {
            return "its timestamp " + timestamp + " lies outside the range every store keeps, " + MIN_TIMESTAMP + " to " + MAX_TIMESTAMP;
        }
        return null;
    }

    /**
     * {@code value} quoted for an error message: control characters, U+0000 and lone surrogates
     * escaped, and cut after {@value #QUOTED_LENGTH} characters with its full length said, so that
     * a message never repeats a huge or hostile value whole.
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("'");
        int shown = Math.min(value.length(), QUOTED_LENGTH);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair && i + 1 < shown) {
                quoted.append(c).append(value.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                quoted.append("\\u").append(hex(c));
            } else {
                quoted.append(c);
            }
        }
        quoted.append('\'');
        if (value.length() > shown) {
            quoted.append("... (").append(value.length()).append(" characters)");
        }
        return quoted.toString();
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
