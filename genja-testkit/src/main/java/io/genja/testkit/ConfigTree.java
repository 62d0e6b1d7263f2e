package io.genja.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A configuration as an ordered tree of statements: {@code interface Gi1/0/1} with its indented children on the
 * Cisco-like platforms, {@code system { host-name r1; }} on Junos. Parsing the indented form keeps every line as
 * written (comments, blank lines, the indentation), so a configuration that no change touched prints exactly as it
 * was given. Not thread-safe: {@link DeviceConfig} guards the trees it owns, sessions own their candidates.
 */
final class ConfigTree {

    /** One statement and the statements under it. */
    static final class Node {
        /** The statement without its indentation, e.g. {@code description uplink}. */
        final String text;
        /** The line as printed (indented form), or {@code null} when the syntax computes it. */
        final String raw;
        final List<Node> children = new ArrayList<>();

        Node(String text, String raw) {
            this.text = text;
            this.raw = raw;
        }

        Node copy() {
            Node copy = new Node(text, raw);
            children.forEach(c -> copy.children.add(c.copy()));
            return copy;
        }

        boolean sameAs(Node other) {
            if (!text.equals(other.text) || children.size() != other.children.size()) {
                return false;
            }
            for (int i = 0; i < children.size(); i++) {
                if (!children.get(i).sameAs(other.children.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** The first child whose statement is {@code text}. */
        Node child(String text) {
            return children.stream().filter(c -> c.text.equals(text)).findFirst().orElse(null);
        }
    }

    final Node root;
    /** Whether the text ended with a newline (indented form; kept so an untouched configuration prints as given). */
    boolean trailingNewline = true;

    ConfigTree() {
        this(new Node("", ""));
    }

    private ConfigTree(Node root) {
        this.root = root;
    }

    ConfigTree copy() {
        ConfigTree copy = new ConfigTree(root.copy());
        copy.trailingNewline = trailingNewline;
        return copy;
    }

    boolean sameAs(ConfigTree other) {
        return root.sameAs(other.root);
    }

    /** Parses the indented form: a line indented deeper than the one before it belongs to that line. */
    static ConfigTree parseIndented(String text) {
        ConfigTree tree = new ConfigTree();
        tree.trailingNewline = text.isEmpty() || text.endsWith("\n");
        List<Node> stack = new ArrayList<>(List.of(tree.root));
        List<Integer> depths = new ArrayList<>(List.of(-1));
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (body.isEmpty() && text.isEmpty()) {
            return tree;
        }
        for (String line : body.split("\n", -1)) {
            String stripped = line.strip();
            int indent = stripped.isEmpty() ? 0 : line.indexOf(stripped.charAt(0));
            while (stack.size() > 1 && (stripped.isEmpty() || depths.get(depths.size() - 1) >= indent)) {
                stack.remove(stack.size() - 1);
                depths.remove(depths.size() - 1);
            }
            Node node = new Node(stripped, line);
            stack.get(stack.size() - 1).children.add(node);
            stack.add(node);
            depths.add(indent);
        }
        return tree;
    }

    /** Prints the indented form, each line as it was parsed or inserted. */
    String renderIndented() {
        StringBuilder out = new StringBuilder();
        renderIndented(root, out);
        if (!trailingNewline && out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void renderIndented(Node node, StringBuilder out) {
        for (Node child : node.children) {
            out.append(child.raw).append('\n');
            renderIndented(child, out);
        }
    }

    /**
     * Parses the braced form of Junos: {@code name {} opens a level, {@code }} closes it, {@code statement;} is a
     * leaf; {@code #} comments and blank lines are dropped (Junos prints them from its own state).
     */
    static ConfigTree parseBraced(String text) {
        ConfigTree tree = new ConfigTree();
        List<Node> stack = new ArrayList<>(List.of(tree.root));
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            Node parent = stack.get(stack.size() - 1);
            if (s.equals("}")) {
                if (stack.size() > 1) {
                    stack.remove(stack.size() - 1);
                }
            } else if (s.endsWith("{")) {
                Node node = new Node(s.substring(0, s.length() - 1).strip(), null);
                parent.children.add(node);
                stack.add(node);
            } else {
                parent.children.add(new Node(s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s, null));
            }
        }
        return tree;
    }

    /** Prints the braced form of Junos, four spaces a level. */
    String renderBraced() {
        StringBuilder out = new StringBuilder();
        renderBraced(root, 0, out);
        return out.toString();
    }

    private static void renderBraced(Node node, int depth, StringBuilder out) {
        for (Node child : node.children) {
            out.append("    ".repeat(depth)).append(child.text);
            if (child.children.isEmpty()) {
                out.append(";\n");
            } else {
                out.append(" {\n");
                renderBraced(child, depth + 1, out);
                out.append("    ".repeat(depth)).append("}\n");
            }
        }
    }

    /** Every leaf as the path of statements down to it: the {@code display set} form of Junos. */
    List<List<String>> leafPaths() {
        List<List<String>> paths = new ArrayList<>();
        leafPaths(root, new ArrayList<>(), paths);
        return paths;
    }

    private static void leafPaths(Node node, List<String> path, List<List<String>> paths) {
        for (Node child : node.children) {
            path.add(child.text);
            if (child.children.isEmpty()) {
                paths.add(List.copyOf(path));
            } else {
                leafPaths(child, path, paths);
            }
            path.remove(path.size() - 1);
        }
    }

    /**
     * The node at {@code path} from the root (statements matched exactly), or {@code null} when one is missing.
     */
    Node find(List<String> path) {
        Node node = root;
        for (String text : path) {
            node = node.child(text);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Removes the children of {@code parent} that {@code matches}; returns whether any was removed. */
    static boolean removeChildren(Node parent, Predicate<Node> matches) {
        boolean removed = false;
        for (int i = parent.children.size() - 1; i >= 0; i--) {
            if (matches.test(parent.children.get(i))) {
                parent.children.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    /**
     * The differences from {@code before} to {@code after} as lines: {@code +}/{@code -} for statements added or
     * removed (with everything under them), a space for an unchanged parent of a change; two spaces a level.
     */
    static List<String> diff(ConfigTree before, ConfigTree after) {
        List<String> lines = new ArrayList<>();
        diff(before.root, after.root, 0, lines);
        return lines;
    }

    private static void diff(Node before, Node after, int depth, List<String> lines) {
        for (Node old : before.children) {
            if (after.child(old.text) == null && isStatement(old)) {
                subtree(old, '-', depth, lines);
            }
        }
        for (Node now : after.children) {
            Node old = before.child(now.text);
            if (old == null) {
                if (isStatement(now)) {
                    subtree(now, '+', depth, lines);
                }
            } else if (!old.sameAs(now)) {
                List<String> inner = new ArrayList<>();
                diff(old, now, depth + 1, inner);
                if (!inner.isEmpty()) {
                    lines.add(" " + "  ".repeat(depth) + now.text);
                    lines.addAll(inner);
                }
            }
        }
    }

    /** Comments ({@code !}) and blank lines are layout, not configuration. */
    private static boolean isStatement(Node node) {
        return !node.text.isEmpty() && !node.text.startsWith("!");
    }

    private static void subtree(Node node, char sign, int depth, List<String> lines) {
        lines.add(sign + "  ".repeat(depth) + node.text);
        for (Node child : node.children) {
            if (isStatement(child)) {
                subtree(child, sign, depth + 1, lines);
            }
        }
    }
}
