package io.genja.textfsm;

/**
 * A cheap test that rules a line out before its rule's regex runs: most rules start with a fixed word after the
 * line's indentation ({@code ^\s+MTU }, {@code ^Interface}) or a digit ({@code ^\s+${PACKETS} packets} with a
 * {@code (\d+)} Value), and most lines do not. Derived from the Python pattern only where it is exact: the pattern
 * has no top-level {@code |}, starts with {@code ^}, optionally {@code \s+} or {@code \s*}, then plain characters
 * (or a {@code \d} or {@code \S}, maybe inside groups); a line that does not start that way cannot match. Since the word's first
 * character is not a space, {@code \s+}/{@code \s*} must take the whole indentation. {@code ^\s*$$} and
 * {@code ^$$} become "the line is blank" and "the line is empty".
 */
final class LinePrefilter {

    /** No cheap test: always run the regex. */
    static final LinePrefilter NONE = new LinePrefilter(Indent.ANY, null, false, Start.ANY);

    private enum Indent { NONE, ANY, AT_LEAST_ONE }

    /** What the first character after the indentation must be, for a pattern that starts with {@code \d} or {@code \S}. */
    private enum Start { ANY, DIGIT, NON_SPACE }

    private final Indent indent;
    /** The word the line must have right after its indentation; {@code null} for none. */
    private final String word;
    /** The pattern is only indentation then the end of the line. */
    private final boolean blank;
    private final Start start;

    private LinePrefilter(Indent indent, String word, boolean blank, Start start) {
        this.indent = indent;
        this.word = word;
        this.blank = blank;
        this.start = start;
    }

    /** Whether the rule's regex may match {@code line}, which begins with {@code indentation} space characters. */
    boolean mayMatch(String line, int indentation) {
        if (this == NONE) {
            return true;
        }
        if (indent == Indent.AT_LEAST_ONE && indentation == 0) {
            return false;
        }
        if (blank) {
            return indent == Indent.NONE ? line.isEmpty() : indentation == line.length();
        }
        int at = indent == Indent.NONE ? 0 : indentation;
        return switch (start) {
            case DIGIT -> at < line.length() && Character.isDigit(line.codePointAt(at));
            case NON_SPACE -> at < line.length() && !PyText.isSpace(line.charAt(at));
            case ANY -> line.startsWith(word, at);
        };
    }

    /** How many characters at the start of {@code line} are Python space characters (what {@code \s} matches). */
    static int indentation(String line) {
        int i = 0;
        while (i < line.length() && PyText.isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    static LinePrefilter of(String python) {
        if (!python.startsWith("^") || hasTopLevelAlternation(python)) {
            return NONE;
        }
        int i = 1;
        Indent indent = Indent.NONE;
        if (python.startsWith("\\s+", i)) {
            indent = Indent.AT_LEAST_ONE;
            i += 3;
        } else if (python.startsWith("\\s*", i)) {
            indent = Indent.ANY;
            i += 3;
        }
        if (i < python.length() && "?*+{".indexOf(python.charAt(i)) >= 0) {
            return NONE;
        }
        if (python.substring(i).equals("$")) {
            return new LinePrefilter(indent, null, true, Start.ANY);
        }
        StringBuilder word = new StringBuilder();
        while (i < python.length()) {
            char c = python.charAt(i);
            if (isPlain(c)) {
                word.append(c);
                i++;
            } else if (c == '\\' && i + 1 < python.length() && isEscapedLiteral(python.charAt(i + 1))) {
                word.append(python.charAt(i + 1));
                i += 2;
            } else {
                break;
            }
        }
        // a quantifier after the last character may repeat it zero times
        if (i < python.length() && "?*{".indexOf(python.charAt(i)) >= 0 && word.length() > 0) {
            word.setLength(word.length() - 1);
        }
        if (word.length() == 0) {
            Start start = firstAtom(python, i);
            return start == Start.ANY ? NONE : new LinePrefilter(indent, null, false, start);
        }
        if (PyText.isSpace(word.charAt(0))) {
            return NONE;
        }
        return new LinePrefilter(indent, word.toString(), false, Start.ANY);
    }

    /**
     * {@code \d} or {@code \S} at {@code i}, possibly inside groups that open there ({@code (?P<name>\d+)}): the
     * line's next character must be a digit or not a space. Not when a group or the atom may match nothing (a
     * {@code ?}, {@code *} or {@code {} after it) or a group's alternatives may start otherwise.
     */
    private static Start firstAtom(String python, int i) {
        while (i < python.length() && python.charAt(i) == '(') {
            int content;
            if (python.startsWith("(?P<", i)) {
                content = python.indexOf('>', i) + 1;
            } else if (python.startsWith("(?:", i)) {
                content = i + 3;
            } else if (python.startsWith("(?", i)) {
                return Start.ANY;
            } else {
                content = i + 1;
            }
            int close = closingParenthesis(python, i);
            if (content <= 0 || close < 0 || mayRepeatZeroTimes(python, close + 1)
                    || hasTopLevelAlternation(python.substring(content, close))) {
                return Start.ANY;
            }
            i = content;
        }
        if (mayRepeatZeroTimes(python, i + 2)) {
            return Start.ANY;
        }
        return python.startsWith("\\d", i) ? Start.DIGIT : python.startsWith("\\S", i) ? Start.NON_SPACE : Start.ANY;
    }

    private static boolean mayRepeatZeroTimes(String python, int after) {
        return after < python.length() && "?*{".indexOf(python.charAt(after)) >= 0;
    }

    /** The index of the {@code )} that closes the group opening at {@code open}, or -1. */
    private static int closingParenthesis(String python, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < python.length() && python.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < python.length() && python.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isPlain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || " _:,/-\"'=<>@!%&;~`".indexOf(c) >= 0;
    }

    /** {@code \} before an ASCII character that is neither a letter nor a digit: that character itself. */
    private static boolean isEscapedLiteral(char c) {
        return c < 128 && !Character.isLetterOrDigit(c);
    }

    /** A {@code |} outside every group and class, which would make the prefix optional. */
    private static boolean hasTopLevelAlternation(String python) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < python.length() && python.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < python.length() && python.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
