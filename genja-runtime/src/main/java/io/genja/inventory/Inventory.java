package io.genja.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The hosts, groups and defaults a run works on, resolved and validated. Immutable and safe to share between
 * threads. Build one in code with {@link #builder()}.
 */
public final class Inventory {

    private final Map<String, Host> hosts;
    private final Map<String, Attributes> groups;
    private final Attributes defaults;

    private Inventory(Map<String, Host> hosts, Map<String, Attributes> groups, Attributes defaults) {
        this.hosts = hosts;
        this.groups = groups;
        this.defaults = defaults;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Host> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** All hosts, in the order they were declared. */
    public List<Host> hosts() {
        return List.copyOf(hosts.values());
    }

    public int size() {
        return hosts.size();
    }

    /** The groups as declared, by name. */
    public Map<String, Attributes> groups() {
        return groups;
    }

    public Attributes defaults() {
        return defaults;
    }

    /**
     * The parameters {@code plugin} needs to connect to {@code host}.
     *
     * @throws NoSuchElementException when the inventory has no such host
     */
    public ResolvedConnectionParams resolveConnection(String host, String plugin) {
        Host found = hosts.get(host);
        if (found == null) {
            throw new NoSuchElementException("the inventory has no host \"" + host + "\"");
        }
        return found.connectionParams(plugin);
    }

    /** Builds an inventory in code; {@link #build()} checks group references and cycles. */
    public static final class Builder {
        private final Map<String, Attributes> hosts = new LinkedHashMap<>();
        private final Map<String, Attributes> groups = new LinkedHashMap<>();
        private Attributes defaults = Attributes.EMPTY;

        private Builder() {
        }

        /** A host whose hostname is its name and that sets nothing else. */
        public Builder host(String name) {
            return host(name, Attributes.EMPTY);
        }

        public Builder host(String name, Attributes attributes) {
            hosts.put(requireName(name, "host"), Objects.requireNonNull(attributes, "attributes"));
            return this;
        }

        public Builder group(String name, Attributes attributes) {
            groups.put(requireName(name, "group"), Objects.requireNonNull(attributes, "attributes"));
            return this;
        }

        public Builder defaults(Attributes defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /**
         * @throws InventoryException listing every unknown group reference and group cycle
         */
        public Inventory build() {
            List<String> problems = new ArrayList<>();
            groups.forEach((name, attributes) -> checkGroupRefs("group \"" + name + "\"", attributes, problems));
            hosts.forEach((name, attributes) -> checkGroupRefs("host \"" + name + "\"", attributes, problems));
            for (String group : groups.keySet()) {
                findCycle(group, new ArrayList<>(), problems);
            }
            if (!problems.isEmpty()) {
                throw new InventoryException(problems);
            }
            Map<String, Host> resolved = new LinkedHashMap<>();
            hosts.forEach((name, attributes) -> {
                List<Host.Source> chain = new ArrayList<>();
                chain.add(new Host.Source("host " + name, attributes));
                Set<String> seen = new LinkedHashSet<>();
                for (String group : attributes.groups()) {
                    addGroup(group, chain, seen);
                }
                chain.add(new Host.Source("defaults", defaults));
                resolved.put(name, new Host(name, attributes, chain, seen));
            });
            return new Inventory(Collections.unmodifiableMap(resolved),
                    Collections.unmodifiableMap(new LinkedHashMap<>(groups)), defaults);
        }

        /** Depth-first: the group, then its parents; each group once. */
        private void addGroup(String group, List<Host.Source> chain, Set<String> seen) {
            if (!seen.add(group)) {
                return;
            }
            Attributes attributes = groups.get(group);
            chain.add(new Host.Source("group " + group, attributes));
            for (String parent : attributes.groups()) {
                addGroup(parent, chain, seen);
            }
        }

        private void checkGroupRefs(String owner, Attributes attributes, List<String> problems) {
            for (String group : attributes.groups()) {
                if (!groups.containsKey(group)) {
                    problems.add(owner + " lists group \"" + group + "\", which is not defined; groups: "
                            + groups.keySet());
                }
            }
        }

        private void findCycle(String group, List<String> path, List<String> problems) {
            int index = path.indexOf(group);
            if (index >= 0) {
                if (index == 0) {
                    List<String> cycle = new ArrayList<>(path);
                    cycle.add(group);
                    problems.add("group cycle: " + String.join(" -> ", cycle));
                }
                return;
            }
            Attributes attributes = groups.get(group);
            if (attributes == null) {
                return;
            }
            path.add(group);
            for (String parent : attributes.groups()) {
                findCycle(parent, path, problems);
            }
            path.remove(path.size() - 1);
        }

        private static String requireName(String name, String what) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a " + what + " name must not be empty");
            }
            return name;
        }
    }
}
