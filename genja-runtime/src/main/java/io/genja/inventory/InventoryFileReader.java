package io.genja.inventory;

import io.genja.internal.document.Document;
import io.genja.internal.document.DocumentChecker;
import io.genja.internal.document.DocumentException;
import io.genja.internal.document.DocumentReader;
import io.genja.internal.document.ListNode;
import io.genja.internal.document.MapNode;
import io.genja.internal.document.Node;
import io.genja.document.Problem;
import io.genja.internal.document.ReadLimits;
import io.genja.internal.document.ScalarNode;
import io.genja.document.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads an inventory in Genja's and Nornir's SimpleInventory layout (hosts, groups, defaults; YAML or JSON) and
 * validates all of it, so that one load reports every mistake with file, line and column.
 */
public final class InventoryFileReader {

    static final List<String> ENTRY_FIELDS = List.of("hostname", "port", "username", "password", "platform",
            "groups", "data", "connection_options");
    static final List<String> DEFAULTS_FIELDS = List.of("hostname", "port", "username", "password", "platform",
            "data", "connection_options");
    static final List<String> CONNECTION_FIELDS = List.of("hostname", "port", "username", "password", "platform",
            "extras");

    private final DocumentReader reader;
    private final SecretResolver secrets;

    public InventoryFileReader() {
        this(ReadLimits.DEFAULT, SecretResolver.system());
    }

    /**
     * @param secrets resolves secret references; its base directory is replaced by the hosts file's directory
     */
    public InventoryFileReader(ReadLimits limits, SecretResolver secrets) {
        this.reader = new DocumentReader(limits);
        this.secrets = secrets;
    }

    /**
     * Loads and validates the three files.
     *
     * @param groupsFile {@code null} for none
     * @param defaultsFile {@code null} for none
     * @throws InventoryException with every problem found, in file order
     */
    public Inventory read(Path hostsFile, Path groupsFile, Path defaultsFile) {
        Objects.requireNonNull(hostsFile, "hostsFile");
        List<Problem> problems = new ArrayList<>();
        Map<String, Entry> groups = new LinkedHashMap<>();
        boolean groupsRead = groupsFile != null && parse(groupsFile, "the groups file", "group", groups, problems);
        Map<String, Entry> hosts = new LinkedHashMap<>();
        parse(hostsFile, "the hosts file", "host", hosts, problems);
        Attributes defaults = Attributes.EMPTY;
        if (defaultsFile != null) {
            try {
                Document document = reader.read(defaultsFile, defaultsFile.toString());
                DocumentChecker checker = new DocumentChecker(document.file(), problems);
                if (document.root() instanceof ScalarNode root && root.value() != null) {
                    checker.problem(root, "the defaults file must be a map of attributes, not " + kind(root));
                } else {
                    defaults = attributes(checker, null, checker.entries(document.root(), "the defaults file"),
                            "defaults", DEFAULTS_FIELDS).attributes();
                }
            } catch (DocumentException e) {
                problems.add(e.problem());
            }
        }
        String groupsName = groupsFile == null ? null : String.valueOf(groupsFile.getFileName());
        if (groupsFile == null || groupsRead) {
            // Unknown groups are only worth reporting when the groups file could be read.
            hosts.values().forEach(host -> checkRefs(host, groups, groupsName, problems));
            groups.values().forEach(group -> checkRefs(group, groups, groupsName, problems));
        }
        checkCycles(groups, problems);

        if (!problems.isEmpty()) {
            throw new InventoryException(sorted(problems, hostsFile, groupsFile, defaultsFile));
        }
        Path base = hostsFile.toAbsolutePath().getParent();
        Inventory.Builder builder = Inventory.builder().defaults(defaults)
                .secrets(base == null ? secrets : secrets.withBaseDirectory(base));
        groups.forEach((name, group) -> builder.group(name, group.attributes()));
        hosts.forEach((name, host) -> builder.host(name, host.attributes()));
        return builder.build();
    }

    /** What a file's root is, without its content, and a hint when it is not a collection. */
    private static String kind(Node root) {
        return DocumentChecker.kind(root) + (root instanceof ScalarNode ? "; is it an inventory file?" : "");
    }

    /**
     * Reads a hosts or groups file entry by entry into {@code entries}; whether the file could be parsed.
     * Streaming keeps only one host's nodes in memory at a time.
     */
    private boolean parse(Path file, String what, String kind, Map<String, Entry> entries, List<Problem> problems) {
        DocumentChecker checker = new DocumentChecker(file.toString(), problems);
        Map<String, ScalarNode> seen = new HashMap<>();
        try {
            Document document = reader.readEntries(file, file.toString(), problems,
                    (pieceChecker, node) -> entry(pieceChecker, node, kind, ENTRY_FIELDS),
                    entry -> {
                        if (checker.firstOccurrence(entry.nameNode(), seen, what)) {
                            entries.put(entry.nameNode().asText(), entry);
                        }
                    });
            if (document.root() != null && !(document.root() instanceof MapNode)) {
                checker.problem(document.root(), what + " must be a map of " + kind + " names to their "
                        + "attributes, not " + kind(document.root()));
            }
            return true;
        } catch (DocumentException e) {
            problems.add(e.problem());
            return false;
        }
    }

    /**
     * A host or group as read: its attributes, and where its name and its group references stand, for the
     * checks that need the whole inventory.
     */
    private record Entry(String what, ScalarNode nameNode, String file, Attributes attributes,
                         List<ScalarNode> groupRefs) {
    }

    private Entry entry(DocumentChecker checker, MapNode.Entry node, String kind, List<String> fields) {
        ScalarNode name = node.key();
        String where = kind + " \"" + name.asText() + "\"";
        if (name.asText().isBlank()) {
            checker.problem(name, "empty " + kind + " name");
        }
        return attributes(checker, name, checker.entries(node.value(), where), where, fields);
    }

    private Entry attributes(DocumentChecker c, ScalarNode name, List<MapNode.Entry> fields, String where,
                             List<String> known) {
        String hostname = null;
        Integer port = null;
        String username = null;
        String password = null;
        String platform = null;
        List<String> groups = List.of();
        List<ScalarNode> groupRefs = List.of();
        Map<String, Object> data = Map.of();
        Map<String, ConnectionOptions> connectionOptions = Map.of();
        for (MapNode.Entry field : fields) {
            String key = field.key().asText();
            Node value = field.value();
            if (!known.contains(key)) {
                if (key.equals("groups")) {
                    c.problem(field.key(), "the defaults cannot list groups (only hosts and groups can)");
                } else {
                    c.unknownKey(field.key(), where, known);
                }
                continue;
            }
            switch (key) {
                case "hostname" -> hostname = c.text(value, "hostname of " + where);
                case "port" -> port = c.integer(value, "port of " + where, 1, 65535);
                case "username" -> username = c.text(value, "username of " + where);
                case "password" -> password = secret(c, value, "password of " + where);
                case "platform" -> platform = c.text(value, "platform of " + where);
                case "groups" -> {
                    groupRefs = groupRefs(c, value, "groups of " + where);
                    groups = groupRefs.stream().map(ScalarNode::asText).toList();
                }
                case "data" -> data = c.data(value, "data of " + where);
                case "connection_options" -> connectionOptions = connectionOptions(c, value, where);
                default -> throw new IllegalStateException(key);
            }
        }
        return new Entry(where, name, c.file(), new Attributes(hostname, port, username, password, platform, groups,
                data, connectionOptions), groupRefs);
    }

    /** The group names of a {@code groups} list with their nodes; empty and repeated names are reported. */
    private static List<ScalarNode> groupRefs(DocumentChecker c, Node value, String what) {
        if (DocumentChecker.isNull(value)) {
            return List.of();
        }
        if (!(value instanceof ListNode list)) {
            c.problem(value, what + " must be a list of names, not " + value.describe());
            return List.of();
        }
        List<ScalarNode> refs = new ArrayList<>(list.items().size());
        Set<String> seen = new HashSet<>();
        for (Node item : list.items()) {
            String name = c.text(item, "an entry of " + what);
            if (name == null) {
                continue;
            }
            if (name.isBlank()) {
                c.problem(item, "an entry of " + what + " is empty");
            } else if (!seen.add(name)) {
                c.problem(item, what + " lists \"" + name + "\" twice");
            } else {
                refs.add((ScalarNode) item);
            }
        }
        return refs;
    }

    private static String secret(DocumentChecker c, Node value, String what) {
        String text = c.text(value, what);
        SecretResolver.checkSyntax(text).ifPresent(message -> c.problem(value, message + " (" + what + ")"));
        return text;
    }

    private Map<String, ConnectionOptions> connectionOptions(DocumentChecker c, Node value, String where) {
        Map<String, ConnectionOptions> options = new LinkedHashMap<>();
        for (MapNode.Entry entry : c.entries(value, "connection_options of " + where)) {
            String plugin = entry.key().asText();
            String at = where + " connection_options." + plugin;
            if (plugin.isBlank()) {
                c.problem(entry.key(), "empty plugin name in connection_options of " + where);
            }
            String hostname = null;
            Integer port = null;
            String username = null;
            String password = null;
            String platform = null;
            Map<String, Object> extras = Map.of();
            for (MapNode.Entry field : c.entries(entry.value(), at)) {
                Node node = field.value();
                switch (field.key().asText()) {
                    case "hostname" -> hostname = c.text(node, "hostname of " + at);
                    case "port" -> port = c.integer(node, "port of " + at, 1, 65535);
                    case "username" -> username = c.text(node, "username of " + at);
                    case "password" -> password = secret(c, node, "password of " + at);
                    case "platform" -> platform = c.text(node, "platform of " + at);
                    case "extras" -> {
                        extras = c.data(node, "extras of " + at);
                        checkSecrets(c, node, "extras of " + at);
                    }
                    default -> c.unknownKey(field.key(), at, CONNECTION_FIELDS);
                }
            }
            options.put(plugin, new ConnectionOptions(hostname, port, username, password, platform, extras));
        }
        return options;
    }

    /** Reports malformed secret references in string values of {@code node}, where they are written. */
    private static void checkSecrets(DocumentChecker c, Node node, String what) {
        if (node instanceof ScalarNode scalar && scalar.value() instanceof String text) {
            SecretResolver.checkSyntax(text).ifPresent(message -> c.problem(node, message + " (" + what + ")"));
        } else if (node instanceof MapNode map) {
            map.entries().forEach(e -> checkSecrets(c, e.value(), what + "." + e.key().asText()));
        } else if (node instanceof ListNode list) {
            list.items().forEach(item -> checkSecrets(c, item, what));
        }
    }

    private static void checkRefs(Entry entry, Map<String, Entry> groups, String groupsFile, List<Problem> problems) {
        for (ScalarNode ref : entry.groupRefs()) {
            if (!groups.containsKey(ref.asText())) {
                String where = groupsFile == null ? ", and no groups file was given"
                        : ", which is not defined in " + groupsFile + Suggestions.didYouMean(ref.asText(), groups.keySet());
                problems.add(new Problem(entry.file(), ref.line(), ref.column(),
                        entry.what() + " lists group \"" + ref.asText() + "\"" + where));
            }
        }
    }

    private static void checkCycles(Map<String, Entry> groups, List<Problem> problems) {
        Map<String, List<String>> parents = new HashMap<>();
        groups.forEach((name, entry) -> parents.put(name, entry.attributes().groups()));
        for (List<String> cycle : GroupCycles.find(groups.keySet(), parents::get)) {
            Entry first = groups.get(cycle.get(0));
            ScalarNode at = first.groupRefs().stream().filter(ref -> ref.asText().equals(cycle.get(1))).findFirst()
                    .orElse(first.nameNode());
            problems.add(new Problem(first.file(), at.line(), at.column(),
                    "group cycle: " + String.join(" -> ", cycle)));
        }
    }

    private static List<Problem> sorted(List<Problem> problems, Path... files) {
        Map<String, Integer> order = new HashMap<>();
        for (Path file : files) {
            if (file != null) {
                order.putIfAbsent(file.toString(), order.size());
            }
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.<Problem>comparingInt(p -> order.getOrDefault(p.file(), order.size()))
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted;
    }
}
