package io.genja.inventory;

import io.genja.document.Problem;
import io.genja.document.Suggestions;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The hosts, groups and defaults a run works on, resolved and validated. Immutable and safe to share between
 * threads. Load one from files with {@link #load}, build one in code with {@link #builder()}.
 *
 * <p>Every attribute of a host resolves by one rule: the host, then its groups in listed order (each group
 * before its own parents, depth-first, each group once), then the defaults; the first source that sets a value
 * wins. For a connection to plugin P, a field in {@code connection_options[P]} at any level beats the plain
 * attribute at any level. {@code data} and {@code extras} merge by top-level key.
 */
public final class Inventory {

    private final Map<String, Host> hosts;
    private final List<Host> hostList;
    private final Map<String, Attributes> groups;
    private final Attributes defaults;
    private final SecretResolver secrets;

    private Inventory(Map<String, Host> hosts, Map<String, Attributes> groups, Attributes defaults,
                      SecretResolver secrets) {
        this.hosts = hosts;
        this.hostList = List.copyOf(hosts.values());
        this.groups = groups;
        this.defaults = defaults;
        this.secrets = secrets;
    }

    /**
     * Loads an inventory from files in Genja's and Nornir's SimpleInventory layout, YAML or JSON by suffix.
     *
     * @param groups the groups file, or {@code null} for none
     * @param defaults the defaults file, or {@code null} for none
     * @throws InventoryException listing every problem of the three files, each with file, line and column
     */
    public static Inventory load(Path hosts, Path groups, Path defaults) {
        return new InventoryFileReader().read(hosts, groups, defaults);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This inventory with secret references resolved by {@code secrets}; hosts, groups and defaults are shared. */
    public Inventory withSecrets(SecretResolver secrets) {
        return new Inventory(hosts, groups, defaults, Objects.requireNonNull(secrets, "secrets"));
    }

    /** A builder holding this inventory's hosts, groups and defaults as loaded, for transform functions. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        hostList.forEach(host -> builder.host(host.name(), host.attributes()));
        builder.groups.putAll(groups);
        builder.defaults = defaults;
        builder.secrets = secrets;
        return builder;
    }

    public Optional<Host> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** All hosts, in the order they were declared. */
    public List<Host> hosts() {
        return hostList;
    }

    public int size() {
        return hostList.size();
    }

    /** The groups as declared, by name. */
    public Map<String, Attributes> groups() {
        return groups;
    }

    public Attributes defaults() {
        return defaults;
    }

    /** Resolves the {@code ${env:..}} and {@code ${file:..}} references of connection parameters. */
    public SecretResolver secrets() {
        return secrets;
    }

    /**
     * The parameters {@code plugin} needs to connect to {@code host}, secret references as written (resolve
     * them with {@link #secrets()} when the connection opens).
     *
     * @throws NoSuchElementException when the inventory has no such host
     */
    public ResolvedConnectionParams resolveConnection(String host, String plugin) {
        return require(host).connectionParams(plugin);
    }

    /**
     * Which source gave each resolved value of {@code host}: its attributes and data, and with a
     * {@code plugin} its connection parameters and extras. Passwords are masked.
     *
     * @param plugin a connection plugin name, or {@code null} for the plain attributes only
     * @throws NoSuchElementException when the inventory has no such host
     */
    public Explanation explain(String host, String plugin) {
        return Explanation.of(require(host), plugin);
    }

    private Host require(String host) {
        Host found = hosts.get(host);
        if (found == null) {
            throw new NoSuchElementException("the inventory has no host \"" + host + "\""
                    + Suggestions.didYouMean(host, hosts.keySet()));
        }
        return found;
    }

    @Override
    public String toString() {
        return "Inventory[" + hostList.size() + " hosts, " + groups.size() + " groups]";
    }

    /** Builds an inventory in code; {@link #build()} checks group references and cycles. */
    public static final class Builder {
        private final Map<String, Attributes> hosts = new LinkedHashMap<>();
        private final Map<String, Attributes> groups = new LinkedHashMap<>();
        private Attributes defaults = Attributes.EMPTY;
        private SecretResolver secrets = SecretResolver.system();

        private Builder() {
        }

        /** A host whose hostname is its name and that sets nothing else. */
        public Builder host(String name) {
            return host(name, Attributes.EMPTY);
        }

        /** Adds a host, or replaces the one of that name (keeping its place). */
        public Builder host(String name, Attributes attributes) {
            hosts.put(requireName(name, "host"), Objects.requireNonNull(attributes, "attributes"));
            return this;
        }

        /** Removes a host; no effect when there is none of that name. */
        public Builder removeHost(String name) {
            hosts.remove(name);
            return this;
        }

        /** Adds a group, or replaces the one of that name. */
        public Builder group(String name, Attributes attributes) {
            groups.put(requireName(name, "group"), Objects.requireNonNull(attributes, "attributes"));
            return this;
        }

        public Builder defaults(Attributes defaults) {
            if (!defaults.groups().isEmpty()) {
                throw new IllegalArgumentException("the defaults cannot list groups: " + defaults.groups());
            }
            this.defaults = defaults;
            return this;
        }

        /** How secret references are resolved; default: the process environment, files relative to the working directory. */
        public Builder secrets(SecretResolver secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /**
         * @throws InventoryException listing every unknown group reference and group cycle
         */
        public Inventory build() {
            List<Problem> problems = new ArrayList<>();
            groups.forEach((name, attributes) -> checkGroupRefs("group \"" + name + "\"", attributes, problems));
            hosts.forEach((name, attributes) -> checkGroupRefs("host \"" + name + "\"", attributes, problems));
            for (List<String> cycle : GroupCycles.find(groups.keySet(), name -> groups.get(name).groups())) {
                problems.add(Problem.of("group cycle: " + String.join(" -> ", cycle)));
            }
            if (!problems.isEmpty()) {
                throw new InventoryException(problems);
            }
            Source defaultsSource = new Source(Source.Kind.DEFAULTS, null, defaults);
            Map<String, Source[]> groupOrders = new HashMap<>();
            Map<List<String>, Lineage> lineages = new HashMap<>();
            Map<String, Host> resolved = new LinkedHashMap<>(hosts.size() * 4 / 3 + 1);
            hosts.forEach((name, attributes) -> resolved.put(name, new Host(name, attributes,
                    lineages.computeIfAbsent(attributes.groups(),
                            listed -> new Lineage(order(listed, groupOrders), defaultsSource)))));
            return new Inventory(Collections.unmodifiableMap(resolved),
                    Collections.unmodifiableMap(new LinkedHashMap<>(groups)), defaults, secrets);
        }

        /**
         * The listed groups, each followed by its parents depth-first, each group once. Leaving out of a later
         * group's order what an earlier one holds gives the same order as one depth-first walk over all of them:
         * a group seen before brought all its ancestors with it.
         */
        private Source[] order(List<String> listed, Map<String, Source[]> groupOrders) {
            if (listed.size() == 1) {
                return order(listed.get(0), groupOrders);
            }
            List<Source> order = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String group : listed) {
                for (Source source : order(group, groupOrders)) {
                    if (seen.add(source.name())) {
                        order.add(source);
                    }
                }
            }
            return order.toArray(Source[]::new);
        }

        /** A group, then its parents depth-first, each once. */
        private Source[] order(String group, Map<String, Source[]> groupOrders) {
            Source[] order = groupOrders.get(group);
            if (order == null) {
                List<Source> sources = new ArrayList<>();
                walk(group, new HashSet<>(), sources);
                order = sources.toArray(Source[]::new);
                groupOrders.put(group, order);
            }
            return order;
        }

        /** Pre-order and depth-first with an explicit stack: a chain thousands of parents deep must not overflow. */
        private void walk(String group, Set<String> seen, List<Source> sources) {
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            visit(group, seen, sources, pending);
            while (!pending.isEmpty()) {
                Iterator<String> parents = pending.peek();
                if (parents.hasNext()) {
                    visit(parents.next(), seen, sources, pending);
                } else {
                    pending.pop();
                }
            }
        }

        private void visit(String group, Set<String> seen, List<Source> sources, Deque<Iterator<String>> pending) {
            if (seen.add(group)) {
                Attributes attributes = groups.get(group);
                sources.add(new Source(Source.Kind.GROUP, group, attributes));
                pending.push(attributes.groups().iterator());
            }
        }

        private void checkGroupRefs(String owner, Attributes attributes, List<Problem> problems) {
            for (String group : attributes.groups()) {
                if (!groups.containsKey(group)) {
                    problems.add(Problem.of(owner + " lists group \"" + group + "\", which is not defined"
                            + Suggestions.didYouMean(group, groups.keySet())));
                }
            }
        }

        private static String requireName(String name, String what) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a " + what + " name must not be empty");
            }
            return name;
        }
    }
}
