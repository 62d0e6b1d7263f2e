package io.genja.textfsm;

import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code ^regex -> Action NewState} line of a state, parsed as textfsm's {@code TextFSMRule} does. */
final class Rule {

    enum LineOp { NEXT, CONTINUE, ERROR }

    enum RecordOp { NO_RECORD, RECORD, CLEAR, CLEARALL }

    private static final String SPACE = "[\\t\\n\\x0B\\f\\r\\x1C-\\x20\\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029"
            + "\\u202F\\u205F\\u3000]";
    private static final int FLAGS = Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern MATCH_ACTION = Pattern.compile("(?<match>.*)(" + SPACE + "->(?<action>.*))", FLAGS);
    private static final String LINE_OP = "(?<lnop>Continue|Next|Error)";
    private static final String RECORD_OP = "(?<recop>Clear|Clearall|Record|NoRecord)";
    private static final String NEW_STATE = "(?<newstate>\\w+|\".*\")";
    private static final Pattern ACTION = Pattern.compile(
            SPACE + "+(" + LINE_OP + "(\\." + RECORD_OP + ")?)(" + SPACE + "+" + NEW_STATE + ")?", FLAGS);
    private static final Pattern ACTION2 = Pattern.compile(
            SPACE + "+" + RECORD_OP + "(" + SPACE + "+" + NEW_STATE + ")?", FLAGS);
    private static final Pattern ACTION3 = Pattern.compile("(" + SPACE + "+" + NEW_STATE + ")?", FLAGS);
    private static final Pattern WORD_START = Pattern.compile("\\w", FLAGS);

    final int lineNumber;
    final PythonRegex regex;
    final LineOp lineOp;
    final RecordOp recordOp;
    /** The state to go to, {@code ""} for none; for {@code Error}, the error's message. */
    final String newState;
    /** For each named group of the regex, in order: its group number and the Value it fills ({@code -1}: none). */
    final int[] groups;
    final int[] valueIndexes;
    /** Rules a line out before the regex runs, where that is exact. */
    final LinePrefilter prefilter;

    /**
     * @param line the rule's line as written
     * @param values the Value names to their {@code (?P<name>...)} regex, substituted for {@code ${name}}
     * @param valueIndex a Value name's column, {@code -1} when none has the name
     */
    Rule(String line, int lineNumber, Map<String, String> values, ToIntFunction<String> valueIndex) {
        this.lineNumber = lineNumber;
        String stripped = PyText.strip(line);
        Matcher matchAction = MATCH_ACTION.matcher(stripped);
        boolean hasAction = matchAction.matches();
        String match = hasAction ? matchAction.group("match") : stripped;
        String substituted = match;
        if (!values.isEmpty()) {
            substituted = substitute(match, values);
        }
        try {
            this.regex = PythonRegex.compile(substituted);
        } catch (PythonRegex.Invalid e) {
            throw new IllegalArgumentException(
                    "Invalid regular expression: '" + substituted + "'. Line: " + lineNumber + ".");
        }
        this.prefilter = LinePrefilter.of(substituted);
        Map<String, String> names = regex.groupNames();
        groups = new int[names.size()];
        valueIndexes = new int[names.size()];
        int i = 0;
        for (Map.Entry<String, String> name : names.entrySet()) {
            groups[i] = Integer.parseInt(name.getValue().substring(1));
            valueIndexes[i] = valueIndex.applyAsInt(name.getKey());
            i++;
        }
        LineOp lineOp = LineOp.NEXT;
        RecordOp recordOp = RecordOp.NO_RECORD;
        String newState = "";
        if (hasAction) {
            String action = matchAction.group("action");
            Matcher parsed = ACTION.matcher(action);
            boolean hasLineOp = true;
            boolean hasRecordOp = true;
            if (!parsed.matches()) {
                parsed = ACTION2.matcher(action);
                hasLineOp = false;
                if (!parsed.matches()) {
                    parsed = ACTION3.matcher(action);
                    hasRecordOp = false;
                    if (!parsed.matches()) {
                        throw new IllegalArgumentException(
                                "Badly formatted rule '" + stripped + "'. Line: " + lineNumber + ".");
                    }
                }
            }
            String lineOpName = hasLineOp ? parsed.group("lnop") : null;
            String recordOpName = hasRecordOp ? parsed.group("recop") : null;
            if (lineOpName != null) {
                lineOp = switch (lineOpName) {
                    case "Continue" -> LineOp.CONTINUE;
                    case "Error" -> LineOp.ERROR;
                    default -> LineOp.NEXT;
                };
            }
            if (recordOpName != null) {
                recordOp = switch (recordOpName) {
                    case "Record" -> RecordOp.RECORD;
                    case "Clear" -> RecordOp.CLEAR;
                    case "Clearall" -> RecordOp.CLEARALL;
                    default -> RecordOp.NO_RECORD;
                };
            }
            if (parsed.group("newstate") != null) {
                newState = parsed.group("newstate");
            }
            if (lineOp == LineOp.CONTINUE && !newState.isEmpty()) {
                throw new IllegalArgumentException("Action '" + lineOpName + "' with new state " + newState
                        + " specified. Line: " + lineNumber + ".");
            }
            if (lineOp != LineOp.ERROR && !newState.isEmpty() && !WORD_START.matcher(newState).lookingAt()) {
                throw new IllegalArgumentException(
                        "Alphanumeric characters only in state names. Line: " + lineNumber + ".");
            }
        }
        this.lineOp = lineOp;
        this.recordOp = recordOp;
        this.newState = newState;
    }

    /**
     * Python's {@code string.Template(match).substitute(values)}: {@code $$} is {@code $}, {@code $name} and
     * {@code ${name}} are a Value's regex; any other {@code $}, or an unknown name, is an error.
     */
    private String substitute(String match, Map<String, String> values) {
        StringBuilder out = new StringBuilder(match.length() + 32);
        int i = 0;
        while (i < match.length()) {
            char c = match.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            int next = i + 1;
            String name = null;
            int end = next;
            if (next < match.length() && match.charAt(next) == '$') {
                out.append('$');
                i = next + 1;
                continue;
            } else if (next < match.length() && isIdentifierStart(match.charAt(next))) {
                end = identifierEnd(match, next);
                name = match.substring(next, end);
            } else if (next < match.length() && match.charAt(next) == '{' && next + 1 < match.length()
                    && isIdentifierStart(match.charAt(next + 1))) {
                int close = identifierEnd(match, next + 1);
                if (close < match.length() && match.charAt(close) == '}') {
                    name = match.substring(next + 1, close);
                    end = close + 1;
                }
            }
            if (name == null || !values.containsKey(name)) {
                throw new IllegalArgumentException("Duplicate or invalid variable substitution: '" + match
                        + "'. Line: " + lineNumber + ".");
            }
            out.append(values.get(name));
            i = end;
        }
        return out.toString();
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int identifierEnd(String s, int from) {
        int i = from;
        while (i < s.length() && (isIdentifierStart(s.charAt(i)) || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) {
            i++;
        }
        return i;
    }
}
