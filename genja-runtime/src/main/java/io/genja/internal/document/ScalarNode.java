package io.genja.internal.document;

/**
 * A scalar: its typed value ({@code String}, {@code Integer}, {@code Long}, {@code BigInteger}, {@code Double},
 * {@code Boolean} or {@code null}) and the text it was written as ({@code 0x1F} for 31).
 */
public record ScalarNode(Object value, String text, int line, int column) implements Node {

    /** Longer strings are described, not quoted. */
    private static final int MAX_QUOTED = 60;

    /** The value as text: the string itself, else what the user wrote. */
    public String asText() {
        return value instanceof String s ? s : text;
    }

    @Override
    public String describe() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String string) {
            // a long or multi-line string is more likely a file that is not what it should be than a typo: its
            // content (a password file, a key) must not end up in a message
            return string.length() > MAX_QUOTED || string.contains("\n") ? "a string of " + string.length()
                    + " characters" : "the string \"" + text + "\"";
        }
        if (value instanceof Boolean) {
            return "the boolean " + text;
        }
        return "the number " + text;
    }
}
