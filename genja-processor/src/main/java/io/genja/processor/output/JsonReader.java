package io.genja.processor.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the JSON {@link JsonWriter} writes (objects, arrays, strings, booleans, null) into maps, lists,
 * strings and booleans: enough to merge the task catalog of an earlier compilation.
 */
final class JsonReader {

    private final String text;
    private int at;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value of {@code text}; {@link IllegalArgumentException} when it is not JSON of that kind. */
    static Object parse(String text) {
        JsonReader reader = new JsonReader(text);
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.at != text.length()) {
            throw reader.error("end of input");
        }
        return value;
    }

    private Object value() {
        skipWhitespace();
        if (at >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(at);
        if (c == '{') {
            return object();
        } else if (c == '[') {
            return array();
        } else if (c == '"') {
            return string();
        }
        for (String literal : new String[] {"true", "false", "null"}) {
            if (text.startsWith(literal, at)) {
                at += literal.length();
                return literal.equals("null") ? null : Boolean.valueOf(literal);
            }
        }
        throw error("a value");
    }

    private Map<String, Object> object() {
        Map<String, Object> object = new LinkedHashMap<>();
        at++;
        if (peek() == '}') {
            at++;
            return object;
        }
        do {
            skipWhitespace();
            String name = string();
            expect(':');
            object.put(name, value());
        } while (next(',', '}') == ',');
        return object;
    }

    private List<Object> array() {
        List<Object> array = new ArrayList<>();
        at++;
        if (peek() == ']') {
            at++;
            return array;
        }
        do {
            array.add(value());
        } while (next(',', ']') == ',');
        return array;
    }

    private String string() {
        if (at >= text.length() || text.charAt(at) != '"') {
            throw error("a string");
        }
        StringBuilder out = new StringBuilder();
        for (at++; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(++at);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at + 1, at + 5), 16));
                    at += 4;
                }
                default -> out.append(escaped);
            }
        }
        throw error("the end of a string");
    }

    private char peek() {
        skipWhitespace();
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        at++;
    }

    /** Consumes {@code more} or {@code end}, whichever comes, and returns it. */
    private char next(char more, char end) {
        char c = peek();
        if (c != more && c != end) {
            throw error("'" + more + "' or '" + end + "'");
        }
        at++;
        return c;
    }

    private void skipWhitespace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("expected " + expected + " at offset " + at);
    }
}
