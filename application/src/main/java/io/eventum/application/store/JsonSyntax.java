package io.eventum.application.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;

import static io.eventum.application.store.StoredValues.MAX_DEPTH;
import static io.eventum.application.store.StoredValues.MAX_EXPONENT;
import static io.eventum.application.store.StoredValues.MAX_NUMBER_LENGTH;
import static io.eventum.application.store.StoredValues.MAX_PAYLOAD_BYTES;

/**
 * A strict check that bytes hold one JSON object (RFC 8259) that every store keeps exactly and the
 * codec reads back, by the rules of {@link StoredValues}: strict UTF-8, no lone surrogate and no
 * U+0000 (raw or escaped), no member name repeated within an object, and the size, depth and number
 * limits the Jackson codec also reads and writes with. It only scans, in one pass, building no tree;
 * it lives in the store port, which knows no JSON library, so that every store refuses the same
 * payloads before anything is written.
 */
final class JsonSyntax {

    private final byte[] json;
    private int at;

    private JsonSyntax(byte[] json) {
        this.json = json;
    }

    /** The problem with {@code json} as a stored JSON object, or {@code null} if it has none. */
    static String problemWithObject(byte[] json) {
        if (json.length > MAX_PAYLOAD_BYTES) {
            return "it is " + json.length + " bytes long, more than " + MAX_PAYLOAD_BYTES;
        }
        JsonSyntax scanner = new JsonSyntax(json);
        try {
            scanner.skipWhitespace();
            if (scanner.peek() != '{') {
                return "it is not a JSON object";
            }
            scanner.value(1);
            scanner.skipWhitespace();
            if (scanner.at != json.length) {
                return "it has text after the JSON object, at byte " + scanner.at;
            }
            return null;
        } catch (IllegalStateException malformed) {
            return malformed.getMessage();
        }
    }

    /** A value that, if it is an object or array, sits at nesting {@code depth}. */
    private void value(int depth) {
        skipWhitespace();
        int c = peek();
        switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string(false);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw error("it is not valid JSON: unexpected " + describe(c));
                }
            }
        }
    }

    private void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("it nests objects and arrays deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void object(int depth) {
        requireDepth(depth);
        at++;
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return;
        }
        // A list while the object is small (the common case, and cheaper), a set once it is not.
        Collection<String> names = new ArrayList<>(4);
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("it is not valid JSON: expected a member name, found " + describe(peek()));
            }
            int nameAt = at;
            String name = string(true);
            if (name.length() > StoredValues.MAX_MEMBER_NAME_LENGTH) {
                at = nameAt;
                throw error("it holds a member name of " + name.length() + " characters, more than " + StoredValues.MAX_MEMBER_NAME_LENGTH);
            }
            if (names.contains(name)) {
                at = nameAt;
                throw error("it repeats the member name " + StoredValues.quote(name) + " in one object");
            }
            names.add(name);
            if (names.size() == 16) {
                names = new HashSet<>(names);
            }
            skipWhitespace();
            expect(':');
            value(depth + 1);
            skipWhitespace();
            int c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw error("it is not valid JSON: expected ',' or '}', found " + describe(c));
            }
        }
    }

    private void array(int depth) {
        requireDepth(depth);
        at++;
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return;
        }
        while (true) {
            value(depth + 1);
            skipWhitespace();
            int c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw error("it is not valid JSON: expected ',' or ']', found " + describe(c));
            }
        }
    }

    /** Scans a string; returns its decoded text if {@code decode}, else null. */
    private String string(boolean decode) {
        at++;
        int start = at;
        StringBuilder text = null;
        while (true) {
            int c = next();
            if (c == '"') {
                if (!decode) {
                    return null;
                }
                return text == null ? new String(json, start, at - 1 - start, StandardCharsets.UTF_8) : text.toString();
            }
            if (c == -1) {
                throw error("it is not valid JSON: unterminated string");
            }
            if (c < 0x20) {
                throw error("it is not valid JSON: unescaped control character in a string");
            }
            if (c >= 0x80) {
                int from = at - 1;
                utf8(c);
                if (text != null) {
                    text.append(new String(json, from, at - from, StandardCharsets.UTF_8));
                }
            } else if (c == '\\') {
                if (decode && text == null) {
                    text = new StringBuilder(new String(json, start, at - 1 - start, StandardCharsets.UTF_8));
                }
                escape(text);
            } else if (text != null) {
                text.append((char) c);
            }
        }
    }

    private void escape(StringBuilder text) {
        int escaped = next();
        if (escaped != 'u') {
            int index = "\"\\/bfnrt".indexOf(escaped);
            if (index < 0) {
                throw error("it is not valid JSON: bad escape \\" + describe(escaped));
            }
            if (text != null) {
                text.append("\"\\/\b\f\n\r\t".charAt(index));
            }
            return;
        }
        char unit = hex4();
        if (unit == 0) {
            throw error("it holds an escaped U+0000, which not every store can keep");
        }
        if (Character.isHighSurrogate(unit)) {
            if (next() != '\\' || next() != 'u' || !Character.isLowSurrogate(peekHex4())) {
                throw error("it holds a lone surrogate \\u" + Integer.toHexString(unit).toUpperCase() + ", which is not Unicode text");
            }
            char low = hex4();
            if (text != null) {
                text.append(unit).append(low);
            }
        } else if (Character.isLowSurrogate(unit)) {
            throw error("it holds a lone surrogate \\u" + Integer.toHexString(unit).toUpperCase() + ", which is not Unicode text");
        } else if (text != null) {
            text.append(unit);
        }
    }

    private char peekHex4() {
        int saved = at;
        try {
            return hex4();
        } catch (IllegalStateException notHex) {
            return 0;
        } finally {
            at = saved;
        }
    }

    private char hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
                throw error("it is not valid JSON: bad \\u escape");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    /** Checks one multi-byte UTF-8 sequence whose lead byte {@code lead} was just read (RFC 3629: no overlong form, no surrogate). */
    private void utf8(int lead) {
        int continuations;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuations = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuations = 2;
            if (lead == 0xE0) {
                min = 0xA0;
            } else if (lead == 0xED) {
                max = 0x9F;     // ED A0..BF would encode a surrogate
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuations = 3;
            if (lead == 0xF0) {
                min = 0x90;
            } else if (lead == 0xF4) {
                max = 0x8F;
            }
        } else {
            throw error("it is not valid UTF-8: byte " + lead + " cannot start a character");
        }
        for (int i = 0; i < continuations; i++) {
            int c = next();
            if (c < (i == 0 ? min : 0x80) || c > (i == 0 ? max : 0xBF)) {
                throw error("it is not valid UTF-8: a malformed, overlong or surrogate character");
            }
        }
    }

    private void number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else {
            digits();
        }
        if (peek() == '.') {
            at++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            int exponentAt = at;
            digits();
            long exponent = 0;
            for (int i = exponentAt; i < at && exponent <= MAX_EXPONENT; i++) {
                exponent = exponent * 10 + (json[i] - '0');
            }
            if (exponent > MAX_EXPONENT) {
                at = start;
                throw error("it holds a number whose exponent is larger than " + MAX_EXPONENT);
            }
        }
        if (at - start > MAX_NUMBER_LENGTH) {
            at = start;
            throw error("it holds a number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
    }

    private void digits() {
        int start = at;
        while (peek() >= '0' && peek() <= '9') {
            at++;
        }
        if (at == start) {
            throw error("it is not valid JSON: expected a digit, found " + describe(peek()));
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (next() != word.charAt(i)) {
                throw error("it is not valid JSON: expected " + word);
            }
        }
    }

    private void expect(char c) {
        int found = next();
        if (found != c) {
            throw error("it is not valid JSON: expected '" + c + "', found " + describe(found));
        }
    }

    private void skipWhitespace() {
        while (at < json.length && (json[at] == ' ' || json[at] == '\t' || json[at] == '\n' || json[at] == '\r')) {
            at++;
        }
    }

    /** The next byte (as 0..255), or -1 at the end. */
    private int peek() {
        return at < json.length ? json[at] & 0xff : -1;
    }

    private int next() {
        int c = peek();
        if (c >= 0) {
            at++;
        }
        return c;
    }

    private static String describe(int c) {
        return c == -1 ? "the end" : c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : "byte " + c;
    }

    private IllegalStateException error(String message) {
        return new IllegalStateException(message + " (at byte " + at + ")");
    }
}
