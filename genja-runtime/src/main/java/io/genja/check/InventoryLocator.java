package io.genja.check;

import io.genja.document.Problem;
import io.genja.internal.document.Document;
import io.genja.internal.document.DocumentException;
import io.genja.internal.document.DocumentReader;
import io.genja.internal.document.MapNode;
import io.genja.internal.document.Node;
import io.genja.inventory.Explanation;
import io.genja.inventory.Inventory;
import io.genja.inventory.InventoryFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where in the inventory files a value a host resolves to is written, so that a problem found on the loaded
 * inventory (an unknown platform, a secret that cannot be resolved) points at the line to change. A loaded
 * {@link Inventory} keeps no positions (it may be built in code); this reads the files again, each once.
 */
final class InventoryLocator {

    /** Fields of a host's connection parameters a message may be about, in the order they are tried. */
    private static final List<String> FIELDS = List.of("platform", "hostname", "port", "username", "password");

    private final InventoryFiles files;
    private final Map<Path, Optional<Node>> roots = new HashMap<>();

    /** @param files {@code null} when the inventory did not come from files: nothing is located */
    InventoryLocator(InventoryFiles files) {
        this.files = files;
    }

    /** The root of every inventory file that parses, with its path. */
    Map<Path, Node> documents() {
        Map<Path, Node> documents = new HashMap<>();
        if (files != null) {
            files.all().forEach(file -> root(file).ifPresent(root -> documents.put(file, root)));
        }
        return documents;
    }

    boolean isDefaults(Path file) {
        return files != null && file.equals(files.defaults());
    }

    /**
     * {@code message} about {@code host}'s parameters for {@code plugin}, placed at the value it is about: the field
     * whose value the message quotes or whose name it gives ({@code in password:}), where that value is written;
     * else the host's entry; without a place when the inventory is not from files.
     */
    Problem locate(Inventory inventory, String host, String plugin, String message) {
        if (files == null) {
            return Problem.of(message);
        }
        Explanation explanation = inventory.explain(host, plugin);
        List<Explanation.Line> candidates = new ArrayList<>();
        FIELDS.forEach(field -> explanation.line(field).ifPresent(candidates::add));
        explanation.lines().stream().filter(line -> line.field().startsWith("extras.")).forEach(candidates::add);
        for (Explanation.Line line : candidates) {
            boolean quoted = !line.value().equals("-") && message.contains("\"" + line.value() + "\"");
            boolean named = message.contains(" in " + line.field() + ":");
            if (quoted || named) {
                Optional<Problem> at = at(line.source(), plugin, List.of(line.field().split("\\.", 2)), message);
                if (at.isPresent()) {
                    return at.get();
                }
            }
        }
        return at("host " + host, plugin, List.of(), message).orElse(Problem.of(message));
    }

    /**
     * {@code message} at the value of {@code field} in {@code source} (as {@link Explanation} names it:
     * {@code host r1}, {@code group core connection_options.ssh}, {@code defaults}), or at the entry itself when
     * {@code field} is empty.
     */
    private Optional<Problem> at(String source, String plugin, List<String> field, String message) {
        String suffix = " connection_options." + plugin;
        boolean inOptions = source.endsWith(suffix);
        String owner = inOptions ? source.substring(0, source.length() - suffix.length()) : source;
        List<String> keys = new ArrayList<>();
        Path file;
        if (owner.startsWith("host ")) {
            file = files.hosts();
            keys.add(owner.substring("host ".length()));
        } else if (owner.startsWith("group ")) {
            file = files.groups();
            keys.add(owner.substring("group ".length()));
        } else if (owner.equals("defaults")) {
            file = files.defaults();
        } else {
            return Optional.empty();
        }
        if (inOptions) {
            keys.add("connection_options");
            keys.add(plugin);
        }
        keys.addAll(field);
        if (file == null) {
            return Optional.empty();
        }
        return root(file).flatMap(root -> find(root, keys))
                .map(node -> new Problem(file.toString(), node.line(), node.column(), message));
    }

    /** The value at {@code keys} below {@code node}; with no keys, the node itself. */
    private static Optional<Node> find(Node node, List<String> keys) {
        Node current = node;
        Node keyNode = node;
        for (String key : keys) {
            if (!(current instanceof MapNode map)) {
                return Optional.empty();
            }
            MapNode.Entry entry = map.entries().stream().filter(e -> e.key().asText().equals(key)).findFirst()
                    .orElse(null);
            if (entry == null) {
                return Optional.empty();
            }
            keyNode = entry.key();
            current = entry.value();
        }
        // a map value starts on the line after its key: point at the key, the line that names it
        return Optional.of(current instanceof MapNode ? keyNode : current);
    }

    private Optional<Node> root(Path file) {
        return roots.computeIfAbsent(file, path -> {
            try {
                Document document = new DocumentReader().read(path, path.toString());
                return Optional.ofNullable(document.root());
            } catch (DocumentException unreadable) {
                return Optional.empty(); // the inventory's own reading reports it
            }
        });
    }
}
