package io.genja.textfsm;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's string operations that TextFSM relies on, where Java's differ: {@code str.isspace()} (which counts
 * U+001C..U+001F, U+0085 and U+00A0 as space, unlike {@link Character#isWhitespace}), {@code strip} on that set, and
 * {@code str.splitlines()} (which also breaks at U+000B, U+000C, U+001C..U+001E, U+0085, U+2028 and U+2029).
 */
final class PyText {

    private PyText() {
    }

    /** Python's {@code str.isspace()} for one character. */
    static boolean isSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000b', '\f', '\r', '\u001c', '\u001d', '\u001e', '\u001f', ' ', '\u0085', '\u00a0',
                 '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200a';
        };
    }

    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    static String strip(String s) {
        String right = rstrip(s);
        int start = 0;
        while (start < right.length() && isSpace(right.charAt(start))) {
            start++;
        }
        return right.substring(start);
    }

    /**
     * The lines of a text one by one, as Python's {@code str.splitlines()} lists them (no empty last line after a
     * final line break), as bounds in the text rather than copies: {@link #next()} moves to the next line, whose
     * characters are {@code text[start, end)}.
     */
    static final class Lines {
        private final String text;
        /** Only {@code \n} and {@code \r\n} break lines here: split with {@code indexOf}, not char by char. */
        private final boolean onlyNewlines;
        private int position;
        private int start;
        private int end;

        Lines(String text) {
            this.text = text;
            this.onlyNewlines = onlyNewlines(text);
        }

        /** Moves to the next line; {@code false} after the last. */
        boolean next() {
            int length = text.length();
            if (position >= length) {
                return false;
            }
            start = position;
            if (onlyNewlines) {
                int newline = text.indexOf('\n', start);
                end = newline < 0 ? length : newline;
                position = end + 1;
                if (end > start && text.charAt(end - 1) == '\r') {
                    end--;
                }
                return true;
            }
            end = start;
            while (end < length && !isLineBreak(text.charAt(end))) {
                end++;
            }
            position = end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n'
                    ? end + 2 : end + 1;
            return true;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }

        /** No line break but {@code \n}, and every {@code \r} right before a {@code \n}. */
        private static boolean onlyNewlines(String text) {
            for (char rare : new char[] {'\u000b', '\f', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029'}) {
                if (text.indexOf(rare) >= 0) {
                    return false;
                }
            }
            for (int r = text.indexOf('\r'); r >= 0; r = text.indexOf('\r', r + 1)) {
                if (r + 1 >= text.length() || text.charAt(r + 1) != '\n') {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean isLineBreak(char c) {
        return switch (c) {
            case '\n', '\r', '\u000b', '\f', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }

    /** A file's lines as Python's universal-newline reading gives them ({@code \r\n}, {@code \r}, {@code \n}). */
    static List<String> fileLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
