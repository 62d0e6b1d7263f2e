package io.genja.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies Junos {@code set}/{@code delete} lines to a {@link ConfigTree}. A path's words become the levels of the
 * hierarchy, except that a {@code value_keywords} word of the dialect keeps its value with it ({@code unit 0},
 * {@code host-name r1}), so {@code set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/24} nests as
 * Junos prints it. The last element is a leaf; one that sets a single value ({@code replaces}) takes the place of
 * the old one. {@code delete} removes the element at the path with all under it, then the levels left empty.
 */
final class SetLines {

    /** What one line did. */
    enum Outcome {
        APPLIED,
        /** A syntax error: not a set/delete line, or a path the grammar does not accept. */
        REJECTED,
        /** {@code delete} of something that is not there ({@code warning: statement not found}). */
        NOT_FOUND
    }

    private final ConfigDialect dialect;
    private final LineRules rules;

    SetLines(ConfigDialect dialect, LineRules rules) {
        this.dialect = dialect;
        this.rules = rules;
    }

    /** Whether {@code line} is a {@code set} or {@code delete} line (others are commands of configuration mode). */
    static boolean isChange(String line) {
        String lower = line.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("set ") || lower.startsWith("delete ") || lower.equals("set") || lower.equals("delete");
    }

    /** Where the path starts in {@code line}: a syntax error's caret points there. */
    static int pathOffset(String line) {
        String stripped = line.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped.length() : space + 1;
    }

    Outcome apply(ConfigTree tree, String line) {
        String stripped = line.strip();
        int space = stripped.indexOf(' ');
        if (space < 0 || rules.rejects(stripped)) {
            return Outcome.REJECTED;
        }
        String verb = stripped.substring(0, space).toLowerCase(Locale.ROOT);
        String path = stripped.substring(space + 1).strip();
        if (!(dialect.acceptsGlobal(path) || rules.accepts(path))) {
            return Outcome.REJECTED;
        }
        List<String> elements = elements(path);
        return verb.equals("set") ? set(tree, elements) : delete(tree, elements);
    }

    private Outcome set(ConfigTree tree, List<String> elements) {
        ConfigTree.Node node = tree.root;
        for (int i = 0; i < elements.size(); i++) {
            String element = elements.get(i);
            ConfigTree.Node child = node.child(element);
            if (child == null) {
                child = new ConfigTree.Node(element, null);
                boolean last = i == elements.size() - 1;
                int replaced = -1;
                for (int j = 0; last && j < node.children.size(); j++) {
                    if (dialect.replaces(element, node.children.get(j).text)) {
                        replaced = j;
                    }
                }
                if (replaced >= 0) {
                    node.children.set(replaced, child);
                } else {
                    node.children.add(child);
                }
            }
            node = child;
        }
        return Outcome.APPLIED;
    }

    private static Outcome delete(ConfigTree tree, List<String> elements) {
        List<ConfigTree.Node> trail = new ArrayList<>(List.of(tree.root));
        for (int i = 0; i < elements.size() - 1; i++) {
            ConfigTree.Node child = trail.get(trail.size() - 1).child(elements.get(i));
            if (child == null) {
                return Outcome.NOT_FOUND;
            }
            trail.add(child);
        }
        String last = elements.get(elements.size() - 1);
        // "delete system host-name" names the leaf "host-name r1" by its keyword
        if (!ConfigTree.removeChildren(trail.get(trail.size() - 1),
                n -> n.text.equals(last) || n.text.startsWith(last + " "))) {
            return Outcome.NOT_FOUND;
        }
        for (int i = trail.size() - 1; i > 0 && trail.get(i).children.isEmpty(); i--) {
            trail.get(i - 1).children.remove(trail.get(i));
        }
        return Outcome.APPLIED;
    }

    /** The path's elements: words, a quoted string as one word, a value keyword with its value. */
    List<String> elements(String path) {
        List<String> words = words(path);
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (dialect.valueKeywords().contains(word) && i + 1 < words.size()) {
                elements.add(word + " " + words.get(++i));
            } else {
                elements.add(word);
            }
        }
        return elements;
    }

    private static List<String> words(String path) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : path.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                word.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** The {@code display set} form of a configuration: one {@code set} line per leaf. */
    static String displaySet(ConfigTree tree) {
        StringBuilder out = new StringBuilder();
        for (List<String> path : tree.leafPaths()) {
            out.append("set ").append(String.join(" ", path)).append('\n');
        }
        return out.toString();
    }

    /**
     * Junos's {@code show | compare}: for each level with changes, {@code [edit a b]} then the statements added
     * ({@code +}) or removed ({@code -}) there, in the braced form.
     */
    static String compare(ConfigTree before, ConfigTree after) {
        StringBuilder out = new StringBuilder();
        compare(before.root, after.root, new ArrayList<>(), out);
        return out.toString();
    }

    private static void compare(ConfigTree.Node before, ConfigTree.Node after, List<String> path, StringBuilder out) {
        StringBuilder here = new StringBuilder();
        for (ConfigTree.Node old : before.children) {
            if (after.child(old.text) == null) {
                braced(old, '-', 0, here);
            }
        }
        for (ConfigTree.Node now : after.children) {
            if (before.child(now.text) == null) {
                braced(now, '+', 0, here);
            }
        }
        if (here.length() > 0) {
            out.append(path.isEmpty() ? "[edit]" : "[edit " + String.join(" ", path) + "]").append('\n').append(here);
        }
        for (ConfigTree.Node now : after.children) {
            ConfigTree.Node old = before.child(now.text);
            if (old != null && !old.sameAs(now)) {
                path.add(now.text);
                compare(old, now, path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    private static void braced(ConfigTree.Node node, char sign, int depth, StringBuilder out) {
        String indent = "   " + "    ".repeat(depth);
        if (node.children.isEmpty()) {
            out.append(sign).append(indent).append(node.text).append(";\n");
            return;
        }
        out.append(sign).append(indent).append(node.text).append(" {\n");
        for (ConfigTree.Node child : node.children) {
            braced(child, sign, depth + 1, out);
        }
        out.append(sign).append(indent).append("}\n");
    }
}
