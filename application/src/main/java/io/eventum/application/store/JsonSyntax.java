package io.eventum.application.store;

/**
 * A strict check (RFC 8259) that bytes hold one JSON object, so that every store rejects a payload
 * that is not one the same way, before anything is written. It only scans: no tree is built, and
 * the check costs about as much as copying the bytes.
 */
final class JsonSyntax {

    private static final int MAX_DEPTH = 1_000;

    private final byte[] json;
    private int at;

    private JsonSyntax(byte[] json) {
        this.json = json;
    }

    /** The problem with {@code json} as a JSON object, or {@code null} if it is one. */
    static String problemWithObject(byte[] json) {
        JsonSyntax scanner = new JsonSyntax(json);
        try {
            scanner.skipWhitespace();
            if (scanner.peek() != '{') {
                return "it is not a JSON object";
            }
            scanner.value(0);
            scanner.skipWhitespace();
            if (scanner.at != json.length) {
                return "it has text after the JSON object, at byte " + scanner.at;
            }
            return null;
        } catch (IllegalStateException malformed) {
            return "it is not valid JSON: " + malformed.getMessage();
        }
    }

    private void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        skipWhitespace();
        int c = peek();
        switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw error("unexpected " + describe(c));
                }
            }
        }
    }

    private void object(int depth) {
        at++;
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name, found " + describe(peek()));
            }
            string();
            skipWhitespace();
            expect(':');
            value(depth + 1);
            skipWhitespace();
            int c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or '}', found " + describe(c));
            }
        }
    }

    private void array(int depth) {
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
                throw error("expected ',' or ']', found " + describe(c));
            }
        }
    }

    private void string() {
        at++;
        while (true) {
            int c = next();
            if (c == '"') {
                return;
            }
            if (c < 0x20 && c >= 0) {
                throw error(c == -1 ? "unterminated string" : "unescaped control character in a string");
            }
            if (c == '\\') {
                int escaped = next();
                if (escaped == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(next(), 16) < 0) {
                            throw error("bad \\u escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                    throw error("bad escape \\" + describe(escaped));
                }
            }
        }
    }

    private void number() {
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
            digits();
        }
    }

    private void digits() {
        int start = at;
        while (peek() >= '0' && peek() <= '9') {
            at++;
        }
        if (at == start) {
            throw error("expected a digit, found " + describe(peek()));
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (next() != word.charAt(i)) {
                throw error("expected " + word);
            }
        }
    }

    private void expect(char c) {
        int found = next();
        if (found != c) {
            throw error("expected '" + c + "', found " + describe(found));
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
        return new IllegalStateException(message + " at byte " + at);
    }
}
