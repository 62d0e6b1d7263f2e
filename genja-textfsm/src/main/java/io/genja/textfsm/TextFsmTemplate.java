package io.genja.textfsm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A TextFSM template, compiled: Values, then states of rules, as Google's textfsm 1.1 reads them (docs/parsing.md).
 * Immutable and safe to share between threads; each {@link #parse(String)} runs the state machine afresh.
 *
 * <pre>{@code
 * TextFsmTemplate template = TextFsmTemplate.read(Path.of("cisco_ios_show_clock.textfsm"));
 * List<Map<String, Object>> rows = template.parse(output).toMaps();
 * }</pre>
 */
public final class TextFsmTemplate {

    private static final Pattern STATE_NAME = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<String> RESERVED = List.of("Continue", "Next", "Error", "Clear", "Clearall", "Record",
            "NoRecord");

    private final String source;
    final List<ValueDefinition> values;
    /** The states by name, {@code End} left out (it has no rules), {@code EOF} kept when declared. */
    final Map<String, Rule[]> states;
    private final List<String> header;

    private TextFsmTemplate(String source, List<ValueDefinition> values, Map<String, Rule[]> states) {
        this.source = source;
        this.values = List.copyOf(values);
        this.states = states;
        this.header = values.stream().map(value -> value.name).toList();
    }

    /**
     * Compiles a template's text.
     *
     * @throws TextFsmTemplateException with textfsm's message for the same template
     */
    public static TextFsmTemplate compile(String template) {
        return new Reader(null, template).read();
    }

    /**
     * Reads and compiles a template file (UTF-8); its errors name the file.
     *
     * @throws TextFsmTemplateException with the file and textfsm's message for the same template
     * @throws UncheckedIOException when the file cannot be read
     */
    public static TextFsmTemplate read(Path file) {
        try {
            return new Reader(file.toString(), Files.readString(file, StandardCharsets.UTF_8)).read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TextFSM template " + file + ": " + e.getMessage(), e);
        }
    }

    /** The Value names, in the order the template declares them: the columns of every row. */
    public List<String> header() {
        return header;
    }

    /** The names of the Values declared {@code Key}. */
    public List<String> keys() {
        return values.stream().filter(value -> value.has(ValueDefinition.Option.Key)).map(value -> value.name)
                .toList();
    }

    /**
     * Runs the template over {@code text}, line by line, and returns the records.
     *
     * @throws TextFsmException when an {@code Error} action fires
     */
    public TextFsmResult parse(String text) {
        return new TextFsmRun(this, source).run(text);
    }

    /** Reads a template as textfsm's {@code _Parse} does: Values up to a blank line, then states. */
    private static final class Reader {
        private final String source;
        private final List<String> lines;
        private int next;
        private final List<ValueDefinition> values = new ArrayList<>();
        private final Map<String, String> valueTemplates = new HashMap<>();
        private final Map<String, List<Rule>> states = new LinkedHashMap<>();

        Reader(String source, String text) {
            this.source = source;
            this.lines = PyText.fileLines(text);
        }

        TextFsmTemplate read() {
            try {
                readValues();
                while (readState()) {
                    // each call reads one state
                }
                return validated();
            } catch (IllegalArgumentException e) {
                throw new TextFsmTemplateException(source, e.getMessage());
            }
        }

        private void readValues() {
            while (next < lines.size()) {
                String line = PyText.rstrip(lines.get(next++));
                if (line.isEmpty()) {
                    return;
                }
                if (isComment(line)) {
                    continue;
                }
                if (line.startsWith("Value ")) {
                    ValueDefinition value;
                    try {
                        value = ValueDefinition.parse(line);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(e.getMessage() + " Line " + next + ".");
                    }
                    if (values.stream().anyMatch(known -> known.name.equals(value.name))) {
                        throw new IllegalArgumentException("Duplicate declarations for Value '" + value.name
                                + "'. Line: " + next + ".");
                    }
                    values.add(value);
                    valueTemplates.put(value.name, value.template);
                } else if (values.isEmpty()) {
                    throw new IllegalArgumentException("No Value definitions found.");
                } else {
                    throw new IllegalArgumentException(
                            "Expected blank line after last Value entry. Line: " + next + ".");
                }
            }
        }

        /** Reads the next state's name and rules; false when the template has no more. */
        private boolean readState() {
            String name = null;
            while (next < lines.size()) {
                String line = PyText.rstrip(lines.get(next++));
                if (line.isEmpty() || isComment(line)) {
                    continue;
                }
                if (!STATE_NAME.matcher(line).matches()
                        || line.codePointCount(0, line.length()) > ValueDefinition.MAX_NAME_LENGTH
                        || RESERVED.contains(line)) {
                    throw new IllegalArgumentException("Invalid state name: '" + line + "'. Line: " + next);
                }
                if (states.containsKey(line)) {
                    throw new IllegalArgumentException("Duplicate state name: '" + line + "'. Line: " + next);
                }
                name = line;
                states.put(name, new ArrayList<>());
                break;
            }
            if (name == null) {
                return false;
            }
            while (next < lines.size()) {
                String line = PyText.rstrip(lines.get(next++));
                if (line.isEmpty()) {
                    break;
                }
                if (isComment(line)) {
                    continue;
                }
                if (!(line.startsWith(" ^") || line.startsWith("  ^") || line.startsWith("\t^"))) {
                    throw new IllegalArgumentException(
                            "Missing white space or carat ('^') before rule. Line: " + next);
                }
                states.get(name).add(new Rule(line, next, valueTemplates, this::valueIndex));
            }
            return true;
        }

        /** textfsm's {@code ^\\s*#}. */
        private static boolean isComment(String line) {
            int i = 0;
            while (i < line.length() && PyText.isSpace(line.charAt(i))) {
                i++;
            }
            return i < line.length() && line.charAt(i) == '#';
        }

        private int valueIndex(String name) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).name.equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private TextFsmTemplate validated() {
            if (!states.containsKey("Start")) {
                throw new IllegalArgumentException("Missing state 'Start'.");
            }
            if (states.containsKey("End") && !states.get("End").isEmpty()) {
                throw new IllegalArgumentException("Non-Empty 'End' state.");
            }
            if (states.containsKey("EOF") && !states.get("EOF").isEmpty()) {
                throw new IllegalArgumentException("Non-Empty 'EOF' state.");
            }
            states.remove("End");
            for (Map.Entry<String, List<Rule>> state : states.entrySet()) {
                for (Rule rule : state.getValue()) {
                    if (rule.lineOp == Rule.LineOp.ERROR || rule.newState.isEmpty()
                            || rule.newState.equals("End") || rule.newState.equals("EOF")) {
                        continue;
                    }
                    if (!states.containsKey(rule.newState)) {
                        throw new IllegalArgumentException("State '" + rule.newState
                                + "' not found, referenced in state '" + state.getKey() + "'");
                    }
                }
            }
            Map<String, Rule[]> compiled = new LinkedHashMap<>();
            states.forEach((name, rules) -> compiled.put(name, rules.toArray(Rule[]::new)));
            return new TextFsmTemplate(source, values, compiled);
        }
    }
}
