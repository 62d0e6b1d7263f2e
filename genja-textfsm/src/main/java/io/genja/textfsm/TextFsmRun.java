package io.genja.textfsm;

import io.genja.textfsm.ValueDefinition.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * One pass of a template's state machine over one text: the current record, the state, the rows so far. The order
 * of every step is textfsm's ({@code _CheckLine}, {@code _Operations}, {@code _AppendRecord} and the options'
 * hooks), since the results depend on it: a Value's options act in the order the template lists them.
 */
final class TextFsmRun {

    private final TextFsmTemplate template;
    private final String source;
    private final ValueDefinition[] definitions;
    private final Slot[] slots;
    private final List<List<Object>> rows = new ArrayList<>();
    /** One matcher per rule, on the whole text, its region set to each line in turn. */
    private final Map<String, Matcher[]> matchers = new HashMap<>();
    private Rule[] rules;
    private Matcher[] ruleMatchers;
    private String stateName = "Start";

    TextFsmRun(TextFsmTemplate template, String source) {
        this.template = template;
        this.source = source;
        this.definitions = template.values.toArray(ValueDefinition[]::new);
        this.slots = new Slot[definitions.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
        template.states.forEach((name, stateRules) -> {
            Matcher[] forState = new Matcher[stateRules.length];
            for (int i = 0; i < stateRules.length; i++) {
                forState[i] = stateRules[i].regex.matcher("");
            }
            matchers.put(name, forState);
        });
        enter("Start");
    }

    /** A Value's part of the current record. */
    private static final class Slot {
        /** {@code null}, the last matched text, or (while a record is saved) a List Value's items. */
        Object value;
        /** Filldown: the value a cleared record keeps. */
        Object filldown;
        /** List: the items matched since the last clear. */
        List<Object> items = new ArrayList<>();
    }

    TextFsmResult run(String text) {
        String input = text == null ? "" : text;
        for (Matcher[] forState : matchers.values()) {
            for (Matcher matcher : forState) {
                matcher.reset(input);
            }
        }
        PyText.Lines lines = new PyText.Lines(input);
        while (lines.next()) {
            checkLine(input, lines.start(), lines.end());
            if (stateName.equals("End") || stateName.equals("EOF")) {
                break;
            }
        }
        if (!stateName.equals("End") && !template.states.containsKey("EOF")) {
            appendRecord();
        }
        return new TextFsmResult(template.header(), rows);
    }

    private void enter(String state) {
        rules = template.states.get(state);
        ruleMatchers = matchers.get(state);
    }

    /**
     * Runs the state's rules on the line {@code text[start, end)}. A rule's matcher looks at that region of the
     * whole text, with opaque and anchoring bounds: {@code ^}, {@code $}, {@code \b} and look-arounds see the line
     * alone, as they see textfsm's line string, and no line is copied.
     */
    private void checkLine(String text, int start, int end) {
        int indentation = LinePrefilter.indentation(text, start, end);
        for (int r = 0; r < rules.length; r++) {
            Rule rule = rules[r];
            if (!rule.prefilter.mayMatch(text, start, end, indentation)) {
                continue;
            }
            Matcher matcher = ruleMatchers[r].region(start, end);
            if (!matcher.lookingAt()) {
                continue;
            }
            for (int g = 0; g < rule.groups.length; g++) {
                int value = rule.valueIndexes[g];
                if (value >= 0) {
                    assign(value, matcher.group(rule.groups[g]));
                }
            }
            switch (rule.recordOp) {
                case RECORD -> appendRecord();
                case CLEAR -> clearRecord();
                case CLEARALL -> clearAllRecord();
                case NO_RECORD -> { }
            }
            if (rule.lineOp == Rule.LineOp.ERROR) {
                String line = text.substring(start, end);
                throw new TextFsmException(source, rule.newState.isEmpty()
                        ? "State Error raised. Rule Line: " + rule.lineNumber + ". Input Line: " + line
                        : "Error: " + rule.newState + ". Rule Line: " + rule.lineNumber + ". Input Line: " + line + ".");
            }
            if (rule.lineOp == Rule.LineOp.CONTINUE) {
                continue;
            }
            if (!rule.newState.isEmpty()) {
                if (!rule.newState.equals("End") && !rule.newState.equals("EOF")) {
                    enter(rule.newState);
                }
                stateName = rule.newState;
            }
            return;
        }
    }

    private void assign(int index, String text) {
        ValueDefinition definition = definitions[index];
        Slot slot = slots[index];
        slot.value = text;
        for (Option option : definition.optionOrder) {
            switch (option) {
                case Filldown -> slot.filldown = slot.value;
                case Fillup -> fillUp(index, slot.value);
                case List -> slot.items.add(listItem(definition, text));
                case Required, Key -> { }
            }
        }
    }

    /** Copies the value into the rows above that have none in its column, up to the first that has one. */
    private void fillUp(int index, Object value) {
        if (!truthy(value)) {
            return;
        }
        for (int r = rows.size() - 1; r >= 0; r--) {
            List<Object> row = rows.get(r);
            if (truthy(row.get(index))) {
                break;
            }
            row.set(index, value);
        }
    }

    /** The text, or the map of its nested named groups when the List Value's regex has more than one group. */
    private Object listItem(ValueDefinition definition, String text) {
        PythonRegex regex = definition.listRegex;
        if (regex.groupCount() > 1 && text != null && !regex.groupNames().isEmpty()) {
            Matcher matcher = regex.matcher(text);
            if (matcher.lookingAt()) {
                Map<String, String> groups = new LinkedHashMap<>();
                regex.groupNames().forEach((python, java) -> groups.put(python, matcher.group(java)));
                return Collections.unmodifiableMap(groups);
            }
        }
        return text;
    }

    private void appendRecord() {
        if (definitions.length == 0) {
            return;
        }
        Object[] record = new Object[definitions.length];
        int empty = 0;
        for (int i = 0; i < definitions.length; i++) {
            Slot slot = slots[i];
            for (Option option : definitions[i].optionOrder) {
                if (option == Option.Required && !truthy(slot.value)) {
                    clearRecord();
                    return;
                }
                if (option == Option.List) {
                    slot.value = Collections.unmodifiableList(new ArrayList<>(slot.items));
                }
            }
            record[i] = slot.value;
            if (slot.value == null || (slot.value instanceof List<?> list && list.isEmpty())) {
                empty++;
            }
        }
        if (empty == record.length) {
            return;
        }
        for (int i = 0; i < record.length; i++) {
            if (record[i] == null) {
                record[i] = "";
            }
        }
        rows.add(Arrays.asList(record));
        clearRecord();
    }

    /** Clears the record but for Filldown Values (and the items of Filldown List Values). */
    private void clearRecord() {
        for (int i = 0; i < definitions.length; i++) {
            Slot slot = slots[i];
            slot.value = null;
            for (Option option : definitions[i].optionOrder) {
                if (option == Option.Filldown) {
                    slot.value = slot.filldown;
                } else if (option == Option.List && !definitions[i].filldown) {
                    slot.items = new ArrayList<>();
                }
            }
        }
    }

    private void clearAllRecord() {
        for (Slot slot : slots) {
            slot.value = null;
            slot.filldown = null;
            slot.items = new ArrayList<>();
        }
    }

    /** Python's truth value of a record entry: {@code None}, {@code ""} and {@code []} are false. */
    private static boolean truthy(Object value) {
        return value != null && !(value instanceof String s && s.isEmpty())
                && !(value instanceof List<?> list && list.isEmpty());
    }
}
