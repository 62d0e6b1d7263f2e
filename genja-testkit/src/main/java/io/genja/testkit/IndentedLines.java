package io.genja.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies configuration lines the Cisco way (IOS, IOS-XR, EOS, NX-OS) to a {@link ConfigTree}: a statement that
 * opens a section ({@code interface Gi1/0/1}) enters it, the following lines change the section, {@code exit}
 * leaves it; {@code no X} removes the statements that are or begin with {@code X}; a statement that sets a single
 * value ({@code description}, {@code hostname}, ...) takes the place of the old one; others are added after the
 * statements that begin with the same word. Which lines are accepted is the dialect's grammar.
 */
final class IndentedLines {

    /**
     * What one line did.
     *
     * @param accepted {@code false} when the device rejects the line (nothing changed)
     * @param context the section the session is in afterwards, from the top: e.g. {@code [interface Gi1/0/1]}
     */
    record Outcome(boolean accepted, List<String> context) {
    }

    private final ConfigDialect dialect;
    private final LineRules rules;

    IndentedLines(ConfigDialect dialect, LineRules rules) {
        this.dialect = dialect;
        this.rules = rules;
    }

    /** Applies {@code line} in {@code context} of {@code tree}; the caller holds the lock the tree needs. */
    Outcome apply(ConfigTree tree, List<String> context, String line) {
        String statement = line.strip();
        boolean negated = statement.toLowerCase(Locale.ROOT).startsWith("no ");
        String positive = negated ? statement.substring(3).strip() : statement;
        if (rules.rejects(statement)) {
            return new Outcome(false, context);
        }
        List<String> where = context;
        if (!context.isEmpty() && !(dialect.acceptsInSection(positive) || rules.accepts(positive))) {
            where = List.of(); // not a statement of the section: IOS leaves the section and tries the top level
        }
        if (where.isEmpty() && !(dialect.acceptsGlobal(positive) || rules.accepts(positive))) {
            return new Outcome(false, context);
        }
        ConfigTree.Node parent = tree.find(where);
        if (parent == null) { // the section was removed meanwhile (no interface X from another session)
            return new Outcome(false, context);
        }
        if (negated) {
            String prefix = positive.toLowerCase(Locale.ROOT);
            ConfigTree.removeChildren(parent, n -> {
                String text = n.text.toLowerCase(Locale.ROOT);
                return text.equals(prefix) || text.startsWith(prefix + " ");
            });
            if (parent == tree.root) {
                collapseSeparators(parent);
            }
            return new Outcome(true, where);
        }
        set(tree, parent, where.size(), positive);
        if (dialect.sectionOf(positive).isPresent()) {
            List<String> inside = new ArrayList<>(where);
            inside.add(positive);
            return new Outcome(true, List.copyOf(inside));
        }
        return new Outcome(true, where);
    }

    private void set(ConfigTree tree, ConfigTree.Node parent, int depth, String statement) {
        if (parent.child(statement) != null) {
            return;
        }
        List<ConfigTree.Node> siblings = parent.children;
        for (int i = 0; i < siblings.size(); i++) {
            ConfigTree.Node old = siblings.get(i);
            if (dialect.replaces(statement, old.text) || old.text.equalsIgnoreCase("no " + statement)) {
                ConfigTree.Node replacement = new ConfigTree.Node(statement, indentation(old.raw) + statement);
                replacement.children.addAll(old.children);
                siblings.set(i, replacement);
                return;
            }
        }
        String indentation = siblings.stream().filter(n -> !n.text.isEmpty()).findFirst()
                .map(n -> indentation(n.raw)).orElse(" ".repeat(dialect.indent() * depth));
        ConfigTree.Node node = new ConfigTree.Node(statement, indentation + statement);
        String word = firstWord(statement);
        int at = -1;
        for (int i = 0; i < siblings.size(); i++) {
            if (firstWord(siblings.get(i).text).equals(word)) {
                at = i + 1;
            }
        }
        boolean separators = parent == tree.root && siblings.stream().anyMatch(n -> n.text.equals("!"));
        if (at >= 0) {
            // a section goes after its kind's last one and the "!" closing it, and gets its own "!"
            if (separators && dialect.sectionOf(statement).isPresent() && at < siblings.size()
                    && siblings.get(at).text.equals("!")) {
                siblings.add(at + 1, node);
                siblings.add(at + 2, new ConfigTree.Node("!", "!"));
            } else {
                siblings.add(at, node);
            }
            return;
        }
        if (parent != tree.root) {
            siblings.add(node);
            return;
        }
        // a new kind of top-level statement goes before the closing "end", framed by "!" where the config uses them
        int end = siblings.size();
        if (end > 0 && siblings.get(end - 1).text.equals("end")) {
            end--;
        }
        siblings.add(end, node);
        if (separators) {
            siblings.add(end + 1, new ConfigTree.Node("!", "!"));
            if (end == 0 || !siblings.get(end - 1).text.equals("!")) {
                siblings.add(end, new ConfigTree.Node("!", "!"));
            }
        }
    }

    /** Two {@code !} lines in a row after a removal become one. */
    private static void collapseSeparators(ConfigTree.Node root) {
        for (int i = root.children.size() - 1; i > 0; i--) {
            if (root.children.get(i).text.equals("!") && root.children.get(i - 1).text.equals("!")) {
                root.children.remove(i);
            }
        }
    }

    private static String indentation(String raw) {
        int at = 0;
        while (at < raw.length() && raw.charAt(at) == ' ') {
            at++;
        }
        return raw.substring(0, at);
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    }
}
