package io.genja.textfsm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A template's {@code Value [Options] name (regex)} line, parsed as textfsm's {@code TextFSMValue.Parse} does. */
final class ValueDefinition {

    /** The options textfsm knows; their order on the line is the order their hooks run in. */
    enum Option { Required, Filldown, Fillup, Key, List }

    static final int MAX_NAME_LENGTH = 48;

    final String name;
    /** The regex as written, {@code (...)}. */
    final String regex;
    /** The regex with its outer group named after the Value, as rules get it by {@code ${name}}. */
    final String template;
    final List<Option> options;
    /** The options as an array, for the state machine's inner loop. */
    final Option[] optionOrder;
    final boolean filldown;
    /** For a List Value: its own regex, to split each match into nested named groups. */
    final PythonRegex listRegex;

    private ValueDefinition(String name, String regex, List<Option> options, PythonRegex listRegex) {
        this.name = name;
        this.regex = regex;
        this.template = "(?P<" + name + ">" + regex.substring(1);
        this.options = List.copyOf(options);
        this.optionOrder = options.toArray(Option[]::new);
        this.filldown = options.contains(Option.Filldown);
        this.listRegex = listRegex;
    }

    /** Parses a line that starts with {@code "Value "}; the message of the exception lacks the line number. */
    static ValueDefinition parse(String line) {
        String[] tokens = line.split(" ", -1);
        if (tokens.length < 3) {
            throw new IllegalArgumentException("Expect at least 3 tokens on line.");
        }
        List<Option> options = new ArrayList<>();
        String name;
        String regex;
        if (!tokens[2].startsWith("(")) {
            for (String option : tokens[1].split(",", -1)) {
                Option known = Arrays.stream(Option.values()).filter(o -> o.name().equals(option)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Unknown option \"" + option + "\""));
                if (options.contains(known)) {
                    throw new IllegalArgumentException("Duplicate option \"" + option + "\"");
                }
                options.add(known);
            }
            name = tokens[2];
            regex = String.join(" ", Arrays.asList(tokens).subList(3, tokens.length));
        } else {
            name = tokens[1];
            regex = String.join(" ", Arrays.asList(tokens).subList(2, tokens.length));
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Invalid Value name '" + name + "' or name too long.");
        }
        if (!regex.startsWith("(") || !regex.endsWith(")") || regex.length() < 2
                || count(regex, '(') != count(regex, ')')) {
            throw new IllegalArgumentException("Value '" + regex + "' must be contained within a '()' pair.");
        }
        PythonRegex listRegex = null;
        if (options.contains(Option.List)) {
            try {
                listRegex = PythonRegex.compile(regex);
            } catch (PythonRegex.Invalid e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        return new ValueDefinition(name, regex, options, listRegex);
    }

    boolean has(Option option) {
        return options.contains(option);
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
