package io.genja.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values out of a {@link Document}'s nodes and collects a {@link Problem} for each one that is wrong,
 * so that a reader can report every mistake of a file at once. Methods return {@code null} for a value that is
 * missing or wrong (the problem is recorded).
 */
public final class DocumentChecker {

    private final String file;
    private final List<Problem> problems;

    /** Collects into {@code problems} (shared between the files of one load). */
    public DocumentChecker(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    public String file() {
        return file;
    }

    public void problem(Node node, String message) {
        problems.add(node == null ? new Problem(file, 0, 0, message)
                : new Problem(file, node.line(), node.column(), message));
    }

    /**
     * The entries of a map by key text, reporting duplicate keys and empty keys ({@code what} names the kind
     * of key, e.g. {@code host name}). {@code null} (an empty value) is an empty map.
     */
    public Map<String, MapNode.Entry> entries(Node node, String where) {
        if (node == null || node instanceof ScalarNode scalar && scalar.value() == null) {
            return Map.of();
        }
        if (!(node instanceof MapNode map)) {
            problem(node, where + " must be a map, not " + node.describe());
            return Map.of();
        }
        Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
        for (MapNode.Entry entry : map.entries()) {
            ScalarNode key = entry.key();
            MapNode.Entry earlier = entries.putIfAbsent(key.asText(), entry);
            if (earlier != null) {
                problem(key, "duplicate key \"" + key.asText() + "\" in " + where + " (first at line "
                        + earlier.key().line() + ")");
            }
        }
        return entries;
    }

    /** Reports {@code key} as unknown, suggesting the nearest of {@code known}. */
    public void unknownKey(ScalarNode key, String where, Collection<String> known) {
        problem(key, "unknown field \"" + key.asText() + "\" in " + where + Suggestions.didYouMean(key.asText(), known)
                + " (known: " + String.join(", ", known) + ")");
    }

    /** A text value; numbers are taken as written ({@code 10} → "10"), booleans and collections are wrong. */
    public String text(Node node, String what) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode scalar && !(scalar.value() instanceof Boolean)) {
            return scalar.asText();
        }
        problem(node, what + " must be a string, not " + node.describe());
        return null;
    }

    /** An integer within {@code min..max}. */
    public Integer integer(Node node, String what, int min, int max) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode scalar && scalar.value() instanceof Integer value) {
            if (value < min || value > max) {
                problem(node, what + " must be between " + min + " and " + max + ", not " + value);
                return null;
            }
            return value;
        }
        if (node instanceof ScalarNode scalar && scalar.value() instanceof Number) {
            problem(node, what + " must be between " + min + " and " + max + ", not " + scalar.text());
            return null;
        }
        problem(node, what + " must be an integer, not " + node.describe());
        return null;
    }

    /** A boolean ({@code true} / {@code false}). */
    public Boolean bool(Node node, String what) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode scalar && scalar.value() instanceof Boolean value) {
            return value;
        }
        problem(node, what + " must be true or false, not " + node.describe());
        return null;
    }

    /** A list of non-empty strings. */
    public List<String> names(Node node, String what) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof ListNode list)) {
            problem(node, what + " must be a list of names, not " + node.describe());
            return List.of();
        }
        List<String> names = new ArrayList<>(list.items().size());
        for (Node item : list.items()) {
            String name = text(item, "an entry of " + what);
            if (name != null && name.isBlank()) {
                problem(item, "an entry of " + what + " is empty");
            } else if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** A map of plain data as unmodifiable Java maps, lists and scalars; duplicate keys are reported. */
    public Map<String, Object> data(Node node, String what) {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MapNode)) {
            problem(node, what + " must be a map, not " + node.describe());
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(node, what);
        return map;
    }

    /** Any node as plain Java values. */
    public Object plain(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.value();
        }
        if (node instanceof ListNode list) {
            List<Object> items = new ArrayList<>(list.items().size());
            for (Node item : list.items()) {
                items.add(plain(item, what));
            }
            return Collections.unmodifiableList(items);
        }
        Map<String, MapNode.Entry> entries = entries(node, what);
        if (entries.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>(entries.size() * 4 / 3 + 1);
        entries.forEach((key, entry) -> map.put(key, plain(entry.value(), what + "." + key)));
        return Collections.unmodifiableMap(map);
    }

    public static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode scalar && scalar.value() == null;
    }
}
