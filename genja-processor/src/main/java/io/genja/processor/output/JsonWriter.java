package io.genja.processor.output;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A small pretty-printing JSON writer (two-space indent), enough for the task catalog; the processor carries no
 * JSON library so it leaks none onto users' annotation processor paths.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** Per open object or array: whether it has had a member yet. */
    private final Deque<Boolean> nonEmpty = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    /** A value read back by {@link JsonReader}: a map, list, string, boolean or null. */
    @SuppressWarnings("unchecked")
    JsonWriter any(Object value) {
        if (value instanceof Map<?, ?> object) {
            beginObject();
            ((Map<String, Object>) object).forEach((name, member) -> name(name).any(member));
            return endObject();
        } else if (value instanceof List<?> array) {
            beginArray();
            array.forEach(this::any);
            return endArray();
        } else if (value instanceof Boolean bool) {
            return value(bool.booleanValue());
        }
        return value(value == null ? null : value.toString());
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    /** The document, ending with a newline. */
    @Override
    public String toString() {
        return out + "\n";
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        nonEmpty.push(false);
        return this;
    }

    private JsonWriter close(char bracket) {
        boolean hadMembers = nonEmpty.pop();
        if (hadMembers) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    /** Before a value or a name: a comma after an earlier member, and a new line unless right after a name. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (nonEmpty.isEmpty()) {
            return;
        }
        if (nonEmpty.peek()) {
            out.append(',');
        }
        nonEmpty.pop();
        nonEmpty.push(true);
        newline();
    }

    private void newline() {
        out.append('\n').append("  ".repeat(nonEmpty.size()));
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
