package io.eventum.store.jpa;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes and reads event metadata, a flat map of strings, as a JSON object. Hand-written so that
 * the store needs no JSON library and the replay path pays nothing for the (usual) empty map,
 * which is stored as SQL NULL.
 */
final class MetadataJson {

    private MetadataJson() {
    }

    /** The map as a JSON object, or null when it is empty. */
    static String write(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder(32 * metadata.size());
        json.append('{');
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            writeString(json, entry.getKey());
            json.append(':');
            writeString(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    private static void writeString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /**
     * The map a JSON object of string values holds; empty for null.
     *
     * @throws IllegalArgumentException if the text is not such an object
     */
    static Map<String, String> read(String json) {
        if (json == null) {
            return Map.of();
        }
        Parser parser = new Parser(json);
        Map<String, String> metadata = parser.object();
        return metadata.isEmpty() ? Map.of() : Map.copyOf(metadata);
    }

    /** A parser for exactly one shape: an object whose values are all strings. */
    private static final class Parser {

        private final String json;
        private int at;

        Parser(String json) {
            this.json = json;
        }

        Map<String, String> object() {
            Map<String, String> map = new HashMap<>();
            expect('{');
            if (peek() == '}') {
                at++;
            } else {
                do {
                    String key = string();
                    expect(':');
                    map.put(key, string());
                } while (comma());
                expect('}');
            }
            if (peek() != 0) {
                throw error("text after the object");
            }
            return map;
        }

        private boolean comma() {
            if (peek() == ',') {
                at++;
                return true;
            }
            return false;
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (at < json.length()) {
                char c = json.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (at >= json.length()) {
                    break;
                }
                char escaped = json.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        if (at + 4 > json.length()) {
                            throw error("a truncated \\u escape");
                        }
                        try {
                            value.append((char) Integer.parseInt(json.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("a malformed \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw error("an unknown escape \\" + escaped);
                }
            }
            throw error("an unterminated string");
        }

        /** The next non-blank character without consuming it; 0 at the end. */
        private char peek() {
            while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
                at++;
            }
            return at < json.length() ? json.charAt(at) : 0;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "' expected");
            }
            at++;
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("metadata is not a JSON object of strings: " + problem + " at offset " + at);
        }
    }
}
