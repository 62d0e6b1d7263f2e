package io.genja.internal.document;

import io.genja.document.Suggestions;

import io.genja.document.Problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values out of a {@link Document}'s nodes and collects a {@link Problem} for each one that is wrong,
 * so that a reader can report every mistake of a file at once. Methods return {@code null} for a value that is
 * missing or wrong (the problem is recorded).
 */
public final class DocumentChecker {

    private static final int SMALL = 8;
    /** The most values one {@code data} or {@code extras} value may expand to. */
    public static final int MAX_EXPANSION = 100_000;

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
     * The entries of a map in order, a duplicate key reported and left out ({@code where} names the map in
     * messages). {@code null} (an empty value) is an empty map.
     */
    public List<MapNode.Entry> entries(Node node, String where) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof MapNode map)) {
            problem(node, where + " must be a map, not " + kind(node));
            return List.of();
        }
        List<MapNode.Entry> all = map.entries();
        if (all.size() <= SMALL) {
            // Small maps (almost all of them) are checked pairwise: cheaper than hashing.
            List<MapNode.Entry> unique = null;
            for (int i = 1; i < all.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (all.get(i).key().asText().equals(all.get(j).key().asText())) {
                        duplicate(all.get(i).key(), all.get(j).key(), where);
                        if (unique == null) {
                            unique = new ArrayList<>(all.subList(0, i));
                        }
                        break;
                    }
                    if (j == i - 1 && unique != null) {
                        unique.add(all.get(i));
                    }
                }
            }
            return unique != null ? unique : all;
        }
        Map<String, ScalarNode> seen = new HashMap<>();
        List<MapNode.Entry> unique = new ArrayList<>(all.size());
        for (MapNode.Entry entry : all) {
            if (firstOccurrence(entry.key(), seen, where)) {
                unique.add(entry);
            }
        }
        return unique;
    }

    /**
     * Whether {@code key} is the first of its text in {@code seen} (which it joins); reports a duplicate
     * otherwise. For maps streamed entry by entry.
     */
    public boolean firstOccurrence(ScalarNode key, Map<String, ScalarNode> seen, String where) {
        ScalarNode earlier = seen.putIfAbsent(key.asText(), key);
        if (earlier != null) {
            duplicate(key, earlier, where);
            return false;
        }
        return true;
    }

    private void duplicate(ScalarNode key, ScalarNode earlier, String where) {
        problem(key, "duplicate key \"" + key.asText() + "\" in " + where + " (first at line " + earlier.line() + ")");
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

    /** A map of plain data as unmodifiable Java maps, lists and scalars; duplicate keys are reported. */
    public Map<String, Object> data(Node node, String what) {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MapNode)) {
            problem(node, what + " must be a map, not " + kind(node));
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(node, what);
        return map;
    }

    /**
     * Any node as plain Java values. Aliases make a document a graph whose expansion can be exponential
     * ("billion laughs"); a value that expands to more than {@link #MAX_EXPANSION} values is reported instead.
     */
    public Object plain(Node node, String what) {
        try {
            return convert(node, what, new int[1]);
        } catch (ExpansionLimit e) {
            problem(node, what + " expands to more than " + MAX_EXPANSION + " values through aliases");
            return null;
        }
    }

    private Object convert(Node node, String what, int[] count) {
        if (++count[0] > MAX_EXPANSION) {
            throw new ExpansionLimit();
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.value();
        }
        if (node instanceof ListNode list) {
            List<Object> items = new ArrayList<>(list.items().size());
            for (Node item : list.items()) {
                items.add(convert(item, what, count));
            }
            return Collections.unmodifiableList(items);
        }
        List<MapNode.Entry> entries = entries(node, what);
        if (entries.isEmpty()) {
            return FrozenMap.of();
        }
        Map<String, Object> map = new LinkedHashMap<>(entries.size() * 4 / 3 + 1);
        for (MapNode.Entry entry : entries) {
            map.put(entry.key().asText(), convert(entry.value(), what + "." + entry.key().asText(), count));
        }
        return FrozenMap.copyOf(map);
    }

    /** Unwinds a conversion that grew past {@link #MAX_EXPANSION}. */
    private static final class ExpansionLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpansionLimit() {
            super(null, null, false, false);
        }
    }

    /**
     * What a node is, without the text of a string: where a map was expected, a string is more likely a file that
     * is not what it should be ({@code /etc/passwd}, a {@code .env} file) than a typo, and must not be echoed.
     */
    public static String kind(Node node) {
        return node instanceof ScalarNode scalar && scalar.value() instanceof String ? "a string" : node.describe();
    }

    public static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode scalar && scalar.value() == null;
    }
}
