package io.genja.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One host of an inventory, as resolved: each attribute comes from the host itself, else its groups (in listed
 * order, each group before its own parents, each group once), else the defaults. Immutable and safe to share
 * between threads; what was loaded is never changed. {@link #toString()} never shows the password.
 */
public final class Host {

    private final String name;
    private final Attributes own;
    private final Lineage lineage;
    private final String hostname;
    private final Integer port;
    private final String username;
    private final String password;
    private final String platform;
    /** Merged on first use; a race computes equal maps, so a plain volatile publish is enough. */
    private volatile Map<String, Object> data;
    /** Copy-on-write cache of {@link #connectionParams(String)} per plugin. */
    private volatile Map<String, ResolvedConnectionParams> connections = Map.of();

    Host(String name, Attributes own, Lineage lineage) {
        this.name = Objects.requireNonNull(name, "name");
        this.own = own;
        this.lineage = lineage;
        this.hostname = or(or(own.hostname(), lineage.hostname), name);
        this.port = or(own.port(), lineage.port);
        this.username = or(own.username(), lineage.username);
        this.password = or(own.password(), lineage.password);
        this.platform = or(own.platform(), lineage.platform);
    }

    public String name() {
        return name;
    }

    /** The resolved hostname; the host's name when no source sets one (as Nornir does). */
    public String hostname() {
        return hostname;
    }

    public Integer port() {
        return port;
    }

    public String username() {
        return username;
    }

    /** The password as written (possibly a secret reference such as {@code ${env:NAME}}), or {@code null}. */
    public String password() {
        return password;
    }

    public String platform() {
        return platform;
    }

    /** The groups the host lists itself, in order. */
    public List<String> groups() {
        return own.groups();
    }

    /** The host's own attributes, before inheritance. */
    public Attributes attributes() {
        return own;
    }

    /** The value at a dotted path into the merged data, for example {@code data("site.rack")}. */
    public Optional<Object> data(String dottedPath) {
        Object current = data();
        int start = 0;
        while (true) {
            int dot = dottedPath.indexOf('.', start);
            String part = dot < 0 ? dottedPath.substring(start) : dottedPath.substring(start, dot);
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return Optional.empty();
            }
            current = map.get(part);
            if (dot < 0) {
                return Optional.ofNullable(current);
            }
            start = dot + 1;
        }
    }

    /**
     * The merged data: the host's, its groups' and the defaults' {@code data}, by top-level key, the most
     * specific source winning per key.
     */
    public Map<String, Object> data() {
        Map<String, Object> merged = data;
        if (merged == null) {
            merged = Lineage.merge(own.data(), lineage.data);
            data = merged;
        }
        return merged;
    }

    /** Whether the host belongs to {@code group} directly or through a parent group. */
    public boolean inGroup(String group) {
        return lineage.contains(group);
    }

    /** Every group the host belongs to, directly or through parents, in precedence order. */
    public List<String> allGroups() {
        List<String> groups = new ArrayList<>();
        for (Source source : lineage.groups()) {
            groups.add(source.name());
        }
        return Collections.unmodifiableList(groups);
    }

    /** The sources this host inherits from, in precedence order: the host, its groups, the defaults. */
    List<Source> chain() {
        List<Source> chain = new ArrayList<>();
        chain.add(new Source(Source.Kind.HOST, name, own));
        Collections.addAll(chain, lineage.groups());
        chain.add(lineage.defaults());
        return chain;
    }

    /**
     * The parameters {@code plugin} needs to connect to this host: a field set in {@code connection_options[plugin]}
     * at any level beats the plain attribute at any level; {@code extras} merge by top-level key. Secret
     * references are returned as written. Cached: later calls return the same instance.
     */
    public ResolvedConnectionParams connectionParams(String plugin) {
        ResolvedConnectionParams cached = connections.get(plugin);
        if (cached != null) {
            return cached;
        }
        ResolvedConnectionParams resolved = resolve(plugin);
        synchronized (this) {
            Map<String, ResolvedConnectionParams> current = connections;
            ResolvedConnectionParams earlier = current.get(plugin);
            if (earlier != null) {
                return earlier;
            }
            if (current.isEmpty()) {
                connections = Map.of(plugin, resolved);
            } else {
                Map<String, ResolvedConnectionParams> copy = new HashMap<>(current);
                copy.put(plugin, resolved);
                connections = Map.copyOf(copy);
            }
        }
        return resolved;
    }

    private ResolvedConnectionParams resolve(String plugin) {
        ConnectionOptions inherited = lineage.options(plugin);
        ConnectionOptions mine = own.connectionOptions().get(plugin);
        if (mine == null) {
            mine = ConnectionOptions.EMPTY;
        }
        return new ResolvedConnectionParams(
                or(or(mine.hostname(), inherited.hostname()), hostname),
                or(or(mine.port(), inherited.port()), port),
                or(or(mine.username(), inherited.username()), username),
                or(or(mine.password(), inherited.password()), password),
                or(or(mine.platform(), inherited.platform()), platform),
                Lineage.merge(mine.extras(), inherited.extras()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    @Override
    public String toString() {
        return "Host[" + name + ", hostname=" + hostname + ", platform=" + platform + ", groups=" + groups() + "]";
    }
}
