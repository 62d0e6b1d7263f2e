package io.genja.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One host of an inventory, as resolved: each attribute comes from the host itself, else its groups (in listed
 * order, each group before its own parents, each group once), else the defaults. Immutable and safe to share
 * between threads; what was loaded is never changed. {@link #toString()} never shows the password.
 */
public final class Host {

    private final String name;
    private final Attributes own;
    /** The sources in precedence order: the host, its groups depth-first, the defaults. */
    private final Source[] chain;
    private final String hostname;
    private final Integer port;
    private final String username;
    private final String password;
    private final String platform;
    /** Merged on first use; a race computes equal maps, so a plain volatile publish is enough. */
    private volatile Map<String, Object> data;
    /** Copy-on-write cache of {@link #connectionParams(String)} per plugin. */
    private volatile Map<String, ResolvedConnectionParams> connections = Map.of();

    Host(String name, Source[] chain) {
        this.name = Objects.requireNonNull(name, "name");
        this.chain = chain;
        this.own = chain[0].attributes();
        String resolvedHostname = first(Attributes::hostname);
        this.hostname = resolvedHostname != null ? resolvedHostname : name;
        this.port = first(Attributes::port);
        this.username = first(Attributes::username);
        this.password = first(Attributes::password);
        this.platform = first(Attributes::platform);
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
            merged = mergeMaps(source -> source.attributes().data());
            data = merged;
        }
        return merged;
    }

    /** Whether the host belongs to {@code group} directly or through a parent group. */
    public boolean inGroup(String group) {
        for (int i = 1; i < chain.length - 1; i++) {
            if (chain[i].name().equals(group)) {
                return true;
            }
        }
        return false;
    }

    /** Every group the host belongs to, directly or through parents, in precedence order. */
    public List<String> allGroups() {
        List<String> groups = new ArrayList<>(chain.length - 2);
        for (int i = 1; i < chain.length - 1; i++) {
            groups.add(chain[i].name());
        }
        return Collections.unmodifiableList(groups);
    }

    /** The sources this host inherits from, in precedence order: the host, its groups, the defaults. */
    List<Source> chain() {
        return List.of(chain);
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
        ConnectionOptions[] options = new ConnectionOptions[chain.length];
        boolean any = false;
        for (int i = 0; i < chain.length; i++) {
            options[i] = chain[i].attributes().connectionOptions().get(plugin);
            any |= options[i] != null;
        }
        if (!any) {
            return new ResolvedConnectionParams(hostname, port, username, password, platform, Map.of());
        }
        return new ResolvedConnectionParams(
                option(options, ConnectionOptions::hostname, hostname),
                option(options, ConnectionOptions::port, port),
                option(options, ConnectionOptions::username, username),
                option(options, ConnectionOptions::password, password),
                option(options, ConnectionOptions::platform, platform),
                mergeMaps(source -> {
                    ConnectionOptions o = source.attributes().connectionOptions().get(plugin);
                    return o == null ? Map.of() : o.extras();
                }));
    }

    private static <T> T option(ConnectionOptions[] options, Function<ConnectionOptions, T> field, T plain) {
        for (ConnectionOptions o : options) {
            if (o != null) {
                T value = field.apply(o);
                if (value != null) {
                    return value;
                }
            }
        }
        return plain;
    }

    private <T> T first(Function<Attributes, T> field) {
        for (Source source : chain) {
            T value = field.apply(source.attributes());
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Merges by top-level key, most specific first; when one source has entries its map is shared as is. */
    private Map<String, Object> mergeMaps(Function<Source, Map<String, Object>> maps) {
        Map<String, Object> only = null;
        Map<String, Object> merged = null;
        for (Source source : chain) {
            Map<String, Object> map = maps.apply(source);
            if (map.isEmpty()) {
                continue;
            }
            if (only == null) {
                only = map;
            } else {
                if (merged == null) {
                    merged = new LinkedHashMap<>(only);
                }
                map.forEach(merged::putIfAbsent);
            }
        }
        if (merged != null) {
            return Collections.unmodifiableMap(merged);
        }
        return only != null ? only : Map.of();
    }

    @Override
    public String toString() {
        return "Host[" + name + ", hostname=" + hostname + ", platform=" + platform + ", groups=" + groups() + "]";
    }
}
