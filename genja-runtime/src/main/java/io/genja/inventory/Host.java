package io.genja.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One host of an inventory, as resolved: each attribute comes from the host itself, else its groups (in listed
 * order, each group before its own parents), else the defaults. Immutable and safe to share between threads.
 * {@link #toString()} never shows the password.
 */
public final class Host {

    private final String name;
    private final Attributes own;
    /** The sources in precedence order: the host, its groups depth-first, the defaults. */
    private final List<Source> chain;
    private final Set<String> allGroups;
    private final Map<String, Object> data;

    Host(String name, Attributes own, List<Source> chain, Set<String> allGroups) {
        this.name = Objects.requireNonNull(name, "name");
        this.own = own;
        this.chain = List.copyOf(chain);
        this.allGroups = Collections.unmodifiableSet(allGroups);
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Source source : this.chain) {
            source.attributes().data().forEach(merged::putIfAbsent);
        }
        this.data = Collections.unmodifiableMap(merged);
    }

    public String name() {
        return name;
    }

    /** The resolved hostname; the host's name when no source sets one (as Nornir does). */
    public String hostname() {
        String hostname = first(Attributes::hostname);
        return hostname != null ? hostname : name;
    }

    public Integer port() {
        return first(Attributes::port);
    }

    public String username() {
        return first(Attributes::username);
    }

    /** The password as written (possibly a secret reference such as {@code ${env:NAME}}), or {@code null}. */
    public String password() {
        return first(Attributes::password);
    }

    public String platform() {
        return first(Attributes::platform);
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
        Object current = data;
        for (String part : dottedPath.split("\\.", -1)) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.ofNullable(current);
    }

    /** The merged data: the host's, its groups' and the defaults' {@code data}, by top-level key, most specific first. */
    public Map<String, Object> data() {
        return data;
    }

    /** Whether the host belongs to {@code group} directly or through a parent group. */
    public boolean inGroup(String group) {
        return allGroups.contains(group);
    }

    /** The sources this host inherits from, in precedence order: the host, its groups, the defaults. */
    List<Source> chain() {
        return chain;
    }

    /** The connection parameters for {@code plugin}: {@code connection_options[plugin]} anywhere beats plain attributes. */
    public ResolvedConnectionParams connectionParams(String plugin) {
        Map<String, Object> extras = new LinkedHashMap<>();
        for (Source source : chain) {
            ConnectionOptions options = source.attributes().connectionOptions().get(plugin);
            if (options != null) {
                options.extras().forEach(extras::putIfAbsent);
            }
        }
        String hostname = firstOption(plugin, ConnectionOptions::hostname, Attributes::hostname);
        return new ResolvedConnectionParams(
                hostname != null ? hostname : name,
                firstOption(plugin, ConnectionOptions::port, Attributes::port),
                firstOption(plugin, ConnectionOptions::username, Attributes::username),
                firstOption(plugin, ConnectionOptions::password, Attributes::password),
                firstOption(plugin, ConnectionOptions::platform, Attributes::platform),
                extras);
    }

    private <T> T first(java.util.function.Function<Attributes, T> field) {
        for (Source source : chain) {
            T value = field.apply(source.attributes());
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private <T> T firstOption(String plugin, java.util.function.Function<ConnectionOptions, T> option,
                              java.util.function.Function<Attributes, T> plain) {
        for (Source source : chain) {
            ConnectionOptions options = source.attributes().connectionOptions().get(plugin);
            if (options != null) {
                T value = option.apply(options);
                if (value != null) {
                    return value;
                }
            }
        }
        return first(plain);
    }

    @Override
    public String toString() {
        return "Host[" + name + ", hostname=" + hostname() + ", platform=" + platform() + ", groups=" + groups() + "]";
    }

    /** One place a host inherits from. */
    record Source(String description, Attributes attributes) {
    }
}
