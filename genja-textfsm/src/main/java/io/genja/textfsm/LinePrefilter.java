package io.genja.textfsm;

/**
 * A cheap test that rules a line out before its rule's regex runs: most rules start with a fixed word after the
 * line's indentation ({@code ^\s+MTU }, {@code ^Interface}) or a digit ({@code ^\s+${PACKETS} packets} with a
 * {@code (\d+)} Value), and most lines do not. Derived from the Python pattern only where it is exact: the pattern
 * has no top-level {@code |}, starts with {@code ^}, optionally {@code \s+} or {@code \s*}, then plain characters
 * (or a {@code \d} or {@code \S}, maybe inside groups); a line that does not start that way cannot match. Since the word's first
 * character is not a space, {@code \s+}/{@code \s*} must take the whole indentation. A run of digits
 * ({@code \d+}, often a Value's {@code (\d+)}) followed by plain characters that start with no digit must take the
 * line's whole run of digits, so those characters must follow it ({@code ^\s+${IN} packets input} rules out
 * {@code "     0 runts"} without the regex). {@code ^\s*$$} and {@code ^$$} become "the line is blank" and "the
 * line is empty".
 */
final class LinePrefilter {

    /** No cheap test: always run the regex. */
    static final LinePrefilter NONE = new LinePrefilter(Indent.ANY, null, false, Atom.NONE);

    private enum Indent { NONE, ANY, AT_LEAST_ONE }

    /** What the first character after the indentation must be, for a pattern that starts with {@code \d} or {@code \S}. */
    private enum Start { ANY, DIGIT, NON_SPACE }

    private final Indent indent;
    /** The word the line must have right after its indentation; {@code null} for none. */
    private final String word;
    /** The pattern is only indentation then the end of the line. */
    private final boolean blank;
    private final Atom first;

    private LinePrefilter(Indent indent, String word, boolean blank, Atom first) {
        this.indent = indent;
        this.word = word;
        this.blank = blank;
        this.first = first;
    }

    /**
     * The pattern's first atom after the indentation when it is no plain word: what the character there must be
     * and, after a run of digits, the plain characters that must follow the run ({@code null}: nothing known).
     */
    private record Atom(Start start, String afterDigits) {
        static final Atom NONE = new Atom(Start.ANY, null);
    }

    /** Plain characters of a pattern from one index, as they must appear in a line, and the index after them. */
    private record Literal(String text, int end) {
    }

    /**
     * Whether the rule's regex may match the line {@code text[start, end)}, which begins with {@code indentation}
     * space characters.
     */
    boolean mayMatch(String text, int start, int end, int indentation) {
        if (this == NONE) {
            return true;
        }
        if (indent == Indent.AT_LEAST_ONE && indentation == 0) {
            return false;
        }
        int length = end - start;
        if (blank) {
            return indent == Indent.NONE ? length == 0 : indentation == length;
        }
        int at = indent == Indent.NONE ? 0 : indentation;
        return switch (first.start()) {
            case DIGIT -> digitsThenLiteral(text, start + at, end);
            case NON_SPACE -> at < length && !PyText.isSpace(text.charAt(start + at));
            case ANY -> at + word.length() <= length && text.startsWith(word, start + at);
        };
    }

    private boolean digitsThenLiteral(String text, int at, int end) {
        if (at >= end || !Character.isDigit(text.codePointAt(at))) {
            return false;
        }
        String after = first.afterDigits();
        if (after == null) {
            return true;
        }
        int i = at;
        while (i < end) {
            int c = text.codePointAt(i);
            if (!Character.isDigit(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return end - i >= after.length() && text.startsWith(after, i);
    }

    /** How many characters at the start of the line {@code text[start, end)} are Python space characters. */
    static int indentation(String text, int start, int end) {
        int i = start;
        while (i < end && PyText.isSpace(text.charAt(i))) {
            i++;
        }
        return i - start;
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
            return new LinePrefilter(indent, null, true, Atom.NONE);
        }
        Literal word = literal(python, i);
        if (word.text().isEmpty()) {
            Atom atom = firstAtom(python, word.end());
            return atom.start() == Start.ANY ? NONE : new LinePrefilter(indent, null, false, atom);
        }
        if (PyText.isSpace(word.text().charAt(0))) {
            return NONE;
        }
        return new LinePrefilter(indent, word.text(), false, Atom.NONE);
    }

    /** The plain characters from {@code i} on, but for a last one that a quantifier may repeat zero times. */
    private static Literal literal(String python, int i) {
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
        if (i < python.length() && "?*{".indexOf(python.charAt(i)) >= 0 && word.length() > 0) {
            word.setLength(word.length() - 1);
        }
        return new Literal(word.toString(), i);
    }

    /**
     * {@code \d} or {@code \S} at {@code i}, possibly inside groups that open there ({@code (?P<name>\d+)}): the
     * line's next character must be a digit or not a space. Not when a group or the atom may match nothing (a
     * {@code ?}, {@code *} or {@code {} after it) or a group's alternatives may start otherwise. For {@code \d+}, the
     * plain characters after it (and after the groups it closes) when they start with no digit.
     */
    private static Atom firstAtom(String python, int i) {
        int groups = 0;
        while (i < python.length() && python.charAt(i) == '(') {
            int content;
            if (python.startsWith("(?P<", i)) {
                content = python.indexOf('>', i) + 1;
            } else if (python.startsWith("(?:", i)) {
                content = i + 3;
            } else if (python.startsWith("(?", i)) {
                return Atom.NONE;
            } else {
                content = i + 1;
            }
            int close = closingParenthesis(python, i);
            if (content <= 0 || close < 0 || mayRepeatZeroTimes(python, close + 1)
                    || hasTopLevelAlternation(python.substring(content, close))) {
                return Atom.NONE;
            }
            groups++;
            i = content;
        }
        if (mayRepeatZeroTimes(python, i + 2)) {
            return Atom.NONE;
        }
        if (python.startsWith("\\S", i)) {
            return new Atom(Start.NON_SPACE, null);
        }
        if (!python.startsWith("\\d", i)) {
            return Atom.NONE;
        }
        return new Atom(Start.DIGIT, literalAfterDigitRun(python, i + 2, groups));
    }

    /**
     * After {@code \d} at {@code i - 2}: when it is {@code \d+} (greedy, lazy or possessive) and then, past any of
     * the {@code groups} it closes, come plain characters that do not start with a digit, those characters;
     * otherwise {@code null}. No backtracking can end the run early, as the next character must be no digit.
     */
    private static String literalAfterDigitRun(String python, int i, int groups) {
        if (!python.startsWith("+", i)) {
            return null;
        }
        i++;
        if (i < python.length() && (python.charAt(i) == '?' || python.charAt(i) == '+')) {
            i++;
        }
        for (int closed = 0; closed < groups && i < python.length() && python.charAt(i) == ')'; closed++) {
            i++;
            if (i < python.length() && "?*+{".indexOf(python.charAt(i)) >= 0) {
                return null;
            }
        }
        String after = literal(python, i).text();
        return after.isEmpty() || Character.isDigit(after.codePointAt(0)) ? null : after;
    }

    private static boolean mayRepeatZeroTimes(String python, int after) {
        return after < python.length() && "?*{".indexOf(python.charAt(after)) >= 0;
    }

    /** The index of the {@code )} that closes the group opening at {@code open}, or -1. */
    private static int closingParenthesis(String python, int open) {
        return findStructural(python, open, (c, depth) -> c == ')' && depth == 0);
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
        return findStructural(python, 0, (c, depth) -> c == '|' && depth == 0) >= 0;
    }

    /** A character of the pattern's structure and the group depth after it ({@code (} counted, {@code )} not). */
    private interface StructuralTest {
        boolean test(char c, int depth);
    }

    /**
     * The first index from {@code from} on whose character, outside escapes and character classes, passes
     * {@code test}; -1 for none. A class's leading {@code ^} and a {@code ]} right after it are its members.
     */
    private static int findStructural(String python, int from, StructuralTest test) {
        int depth = 0;
        boolean inClass = false;
        for (int i = from; i < python.length(); i++) {
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
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (test.test(c, depth)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
