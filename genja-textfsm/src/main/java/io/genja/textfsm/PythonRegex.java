package io.genja.textfsm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Python {@code re} pattern (as TextFSM templates are written) compiled to a {@link Pattern} that matches the same
 * strings. Where the two dialects differ the pattern is rewritten:
 * <ul>
 *   <li>{@code (?P<name>...)} and {@code (?P=name)}: Java group names allow neither {@code _} nor most of what Python
 *       allows, so every named group gets a generated Java name and {@link #groupNames()} maps them back;</li>
 *   <li>{@code \Z} is Java's {@code \z}; {@code \v} and {@code \a} are single characters; {@code \U........} and
 *       octal escapes become {@code \x{...}}; {@code \s} is Python's set of space characters (it has U+001C..U+001F,
 *       Java's has not); {@code (?#...)} comments are dropped; {@code {,n}} is {@code {0,n}};</li>
 *   <li>what Python reads literally and Java would not: {@code [} and {@code &&} inside a class, a leading {@code ]}
 *       in a class, a {@code {} that starts no repetition;</li>
 *   <li>what Python refuses, refused here too: unknown escapes of ASCII letters ({@code \e}, {@code \h}, {@code \Q}),
 *       {@code (?<name>...)}, global flags after the start, duplicate group names.</li>
 * </ul>
 * Patterns are Unicode-aware ({@code \w}, {@code \d}, {@code \b}, case folding) as Python 3's are for text; a
 * {@code .} does not match {@code \n}, and {@code $} matches at the end or before a final {@code \n}, as in Python.
 * Not supported: conditional groups {@code (?(1)...)} (a clear error).
 */
final class PythonRegex {

    /**
     * Python's {@code \s} for text patterns: what {@code str.isspace()} accepts, which is Java's {@code \s} in
     * Unicode mode (the White_Space property) plus U+001C..U+001F. Written as two members rather than a list of
     * ranges: Java tries a class's members one by one, and parsing spends most of its time in {@code \s}.
     */
    private static final String SPACE_CHARS = "\\s\\x1C-\\x1F";
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}]*");
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;

    private final Pattern pattern;
    /** Python group name to Java group name, in the order the groups open. */
    private final Map<String, String> groupNames;
    private final int groupCount;

    private PythonRegex(Pattern pattern, Map<String, String> groupNames, int groupCount) {
        this.pattern = pattern;
        this.groupNames = groupNames;
        this.groupCount = groupCount;
    }

    /** Compiles a Python pattern, or throws {@link Invalid} saying what Python would refuse. */
    static PythonRegex compile(String python) throws Invalid {
        Translator translator = new Translator(python);
        String java = translator.translate();
        try {
            return new PythonRegex(Pattern.compile(java, FLAGS), translator.names, translator.groups);
        } catch (PatternSyntaxException e) {
            throw new Invalid(e.getDescription());
        }
    }

    Matcher matcher(CharSequence input) {
        return pattern.matcher(input);
    }

    /** Python group names to the Java names to ask a {@link Matcher} for, in the order the groups open. */
    Map<String, String> groupNames() {
        return groupNames;
    }

    /** All capturing groups, named or not (Python's {@code Pattern.groups}). */
    int groupCount() {
        return groupCount;
    }

    /** A pattern Python's {@code re} would refuse, or one this translation cannot express. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private static final class Translator {
        private final String in;
        private final StringBuilder out = new StringBuilder();
        private final Map<String, String> names = new LinkedHashMap<>();
        private int groups;
        private int i;
        /** Only flag groups so far: Python 3.11 allows global flags there and nowhere else. */
        private boolean atStart = true;

        Translator(String in) {
            this.in = in;
        }

        String translate() throws Invalid {
            while (i < in.length()) {
                char c = in.charAt(i);
                boolean wasStart = atStart;
                atStart = false;
                switch (c) {
                    case '\\' -> escape(false);
                    case '[' -> characterClass();
                    case '(' -> group(wasStart);
                    case '{' -> brace();
                    case '}' -> {
                        out.append("\\}");
                        i++;
                    }
                    default -> {
                        out.append(c);
                        i++;
                    }
                }
            }
            return out.toString();
        }

        private void group(boolean wasStart) throws Invalid {
            if (!in.startsWith("(?", i)) {
                groups++;
                out.append('(');
                i++;
                return;
            }
            int at = i + 2;
            if (at >= in.length()) {
                throw new Invalid("unexpected end of pattern");
            }
            char kind = in.charAt(at);
            if (kind == 'P') {
                namedGroup(at + 1);
            } else if (kind == '#') {
                int end = in.indexOf(')', at);
                if (end < 0) {
                    throw new Invalid("missing ), unterminated comment");
                }
                i = end + 1;
                atStart = wasStart;
            } else if (kind == ':' || kind == '=' || kind == '!' || kind == '>') {
                out.append(in, i, at + 1);
                i = at + 1;
            } else if (kind == '<') {
                char next = at + 1 < in.length() ? in.charAt(at + 1) : 0;
                if (next != '=' && next != '!') {
                    throw new Invalid("unknown extension ?<" + (next == 0 ? "" : String.valueOf(next)));
                }
                out.append(in, i, at + 2);
                i = at + 2;
            } else if (kind == '(') {
                throw new Invalid("conditional groups (?(...)...) are not supported");
            } else {
                flags(at, wasStart);
            }
        }

        private void namedGroup(int at) throws Invalid {
            char next = at < in.length() ? in.charAt(at) : 0;
            if (next == '<') {
                int end = in.indexOf('>', at);
                if (end < 0) {
                    throw new Invalid("missing >, unterminated name");
                }
                String name = in.substring(at + 1, end);
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new Invalid("bad character in group name '" + name + "'");
                }
                if (names.containsKey(name)) {
                    throw new Invalid("redefinition of group name '" + name + "'");
                }
                groups++;
                String javaName = "g" + groups;
                names.put(name, javaName);
                out.append("(?<").append(javaName).append('>');
                i = end + 1;
            } else if (next == '=') {
                int end = in.indexOf(')', at);
                if (end < 0) {
                    throw new Invalid("missing ), unterminated name");
                }
                String name = in.substring(at + 1, end);
                String javaName = names.get(name);
                if (javaName == null) {
                    throw new Invalid("unknown group name '" + name + "'");
                }
                out.append("\\k<").append(javaName).append('>');
                i = end + 1;
            } else {
                throw new Invalid("unknown extension ?P" + (next == 0 ? "" : String.valueOf(next)));
            }
        }

        /** {@code (?aiLmsux-imsx:...)} or the global {@code (?aiLmsux)}. */
        private void flags(int at, boolean wasStart) throws Invalid {
            StringBuilder on = new StringBuilder();
            StringBuilder off = new StringBuilder();
            StringBuilder target = on;
            int j = at;
            while (j < in.length() && in.charAt(j) != ')' && in.charAt(j) != ':') {
                char f = in.charAt(j);
                if (f == '-' && target == on) {
                    target = off;
                } else if (f == 'i' || f == 'm' || f == 's' || f == 'x') {
                    target.append(f);
                } else if (f == 'a' && target == on) {
                    off.append('U');
                } else if (f == 'u' && target == on) {
                    // Unicode is already the default for text patterns
                } else {
                    throw new Invalid("unknown flag");
                }
                j++;
            }
            if (j >= in.length()) {
                throw new Invalid("missing -, : or )");
            }
            boolean scoped = in.charAt(j) == ':';
            if (!scoped && target == off) {
                throw new Invalid("missing :");
            }
            if (!scoped && !wasStart) {
                throw new Invalid("global flags not at the start of the expression");
            }
            out.append("(?").append(on);
            if (off.length() > 0) {
                out.append('-').append(off);
            }
            out.append(scoped ? ':' : ')');
            i = j + 1;
            atStart = !scoped && wasStart;
        }

        /** A {@code {m,n}} repetition, or a literal brace as Python reads one that is not. */
        private void brace() {
            int j = i + 1;
            int loStart = j;
            while (j < in.length() && Character.isDigit(in.charAt(j)) && in.charAt(j) < 128) {
                j++;
            }
            String lo = in.substring(loStart, j);
            String hi = lo;
            boolean comma = j < in.length() && in.charAt(j) == ',';
            if (comma) {
                j++;
                int hiStart = j;
                while (j < in.length() && Character.isDigit(in.charAt(j)) && in.charAt(j) < 128) {
                    j++;
                }
                hi = in.substring(hiStart, j);
            }
            boolean closed = j < in.length() && in.charAt(j) == '}' && !(lo.isEmpty() && !comma);
            if (!closed) {
                out.append("\\{");
                i++;
                return;
            }
            out.append('{').append(lo.isEmpty() ? "0" : lo);
            if (comma) {
                out.append(',').append(hi);
            }
            out.append('}');
            i = j + 1;
        }

        private void characterClass() throws Invalid {
            out.append('[');
            i++;
            if (i < in.length() && in.charAt(i) == '^') {
                out.append('^');
                i++;
            }
            if (i < in.length() && in.charAt(i) == ']') {
                out.append("\\]");
                i++;
            }
            while (true) {
                if (i >= in.length()) {
                    throw new Invalid("unterminated character set");
                }
                char c = in.charAt(i);
                if (c == ']') {
                    out.append(']');
                    i++;
                    return;
                } else if (c == '\\') {
                    escape(true);
                } else if (c == '[' || (c == '&' && in.startsWith("&&", i))) {
                    out.append('\\').append(c);
                    i++;
                } else {
                    out.append(c);
                    i++;
                }
            }
        }

        private void escape(boolean inClass) throws Invalid {
            if (i + 1 >= in.length()) {
                throw new Invalid("bad escape (end of pattern)");
            }
            char c = in.charAt(i + 1);
            i += 2;
            switch (c) {
                case 'd', 'D', 'w', 'W', 'n', 't', 'r', 'f' -> out.append('\\').append(c);
                case 's' -> out.append(inClass ? SPACE_CHARS : "[" + SPACE_CHARS + "]");
                case 'S' -> out.append("[^" + SPACE_CHARS + "]");
                case 'a' -> out.append("\\x07");
                case 'v' -> out.append("\\x0B");
                case 'b' -> out.append(inClass ? "\\x08" : "\\b");
                case 'A', 'B' -> {
                    if (inClass) {
                        throw new Invalid("bad escape \\" + c);
                    }
                    out.append('\\').append(c);
                }
                case 'Z' -> {
                    if (inClass) {
                        throw new Invalid("bad escape \\Z");
                    }
                    out.append("\\z");
                }
                case 'x' -> codePoint(2, "\\x");
                case 'u' -> codePoint(4, "\\u");
                case 'U' -> codePoint(8, "\\U");
                case 'N' -> namedCharacter();
                default -> {
                    if (c >= '0' && c <= '9') {
                        number(c, inClass);
                    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                        throw new Invalid("bad escape \\" + c);
                    } else if (c < 128) {
                        out.append('\\').append(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }

        private void codePoint(int digits, String escape) throws Invalid {
            if (i + digits > in.length() || !in.substring(i, i + digits).matches("[0-9a-fA-F]+")) {
                throw new Invalid("incomplete escape " + escape + in.substring(i, Math.min(in.length(), i + digits)));
            }
            int value = (int) Long.parseLong(in.substring(i, i + digits), 16);
            if (!Character.isValidCodePoint(value)) {
                throw new Invalid("bad escape " + escape + in.substring(i, i + digits));
            }
            literal(value);
            i += digits;
        }

        private void namedCharacter() throws Invalid {
            int end = in.indexOf('}', i);
            if (i >= in.length() || in.charAt(i) != '{' || end < 0) {
                throw new Invalid("missing {");
            }
            String name = in.substring(i + 1, end);
            try {
                literal(Character.codePointOf(name));
            } catch (IllegalArgumentException e) {
                throw new Invalid("undefined character name '" + name + "'");
            }
            i = end + 1;
        }

        /** {@code \0}, octal {@code \123}, or a back reference {@code \1}..{@code \99}. */
        private void number(char first, boolean inClass) throws Invalid {
            int start = i - 1;
            if (first == '0' || inClass) {
                int j = start;
                while (j < in.length() && j < start + 3 && in.charAt(j) >= '0' && in.charAt(j) <= '7') {
                    j++;
                }
                if (j == start) {
                    throw new Invalid("bad escape \\" + first);
                }
                literal(Integer.parseInt(in.substring(start, j), 8));
                i = j;
                return;
            }
            if (start + 2 < in.length() && isOctal(in.charAt(start)) && isOctal(in.charAt(start + 1))
                    && isOctal(in.charAt(start + 2))) {
                int value = Integer.parseInt(in.substring(start, start + 3), 8);
                if (value > 0377) {
                    throw new Invalid("octal escape value \\" + in.substring(start, start + 3) + " outside of range 0-0o377");
                }
                literal(value);
                i = start + 3;
                return;
            }
            int j = start + 1;
            if (j < in.length() && Character.isDigit(in.charAt(j)) && in.charAt(j) < 128) {
                j++;
            }
            int group = Integer.parseInt(in.substring(start, j));
            if (group > groups) {
                throw new Invalid("invalid group reference " + group);
            }
            out.append("(?:\\").append(group).append(')');
            i = j;
        }

        private static boolean isOctal(char c) {
            return c >= '0' && c <= '7';
        }

        private void literal(int codePoint) {
            out.append(String.format("\\x{%X}", codePoint));
        }
    }
}
