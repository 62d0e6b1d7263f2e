package io.genja.inventory;

import io.genja.internal.document.FrozenMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a host inherits: its groups in precedence order (depth-first, each once) and the defaults, with the
 * values they resolve to computed once. Hosts that list the same groups share one lineage, which is what makes
 * resolving 100,000 hosts cheap: per host only its own attributes are left to look at.
 */
final class Lineage {

    private final Source[] groups;
    private final Source defaults;
    final String hostname;
    final Integer port;
    final String username;
    final String password;
    final String platform;
    final Map<String, Object> data;
    /** Per plugin: the first value of each field among the groups' and defaults' options, extras merged. */
    private final Map<String, ConnectionOptions> options = new ConcurrentHashMap<>();

    Lineage(Source[] groups, Source defaults) {
        this.groups = groups;
        this.defaults = defaults;
        this.hostname = first(Attributes::hostname);
        this.port = first(Attributes::port);
        this.username = first(Attributes::username);
        this.password = first(Attributes::password);
        this.platform = first(Attributes::platform);
        this.data = merge(FrozenMap.of(), source -> source.attributes().data());
    }

    Source[] groups() {
        return groups;
    }

    Source defaults() {
        return defaults;
    }

    boolean contains(String group) {
        for (Source source : groups) {
            if (source.name().equals(group)) {
                return true;
            }
        }
        return false;
    }

    /** The merged {@code connection_options[plugin]} of the groups and defaults ({@link ConnectionOptions#EMPTY} if none). */
    ConnectionOptions options(String plugin) {
        ConnectionOptions merged = options.get(plugin);
        if (merged == null) {
            merged = options.computeIfAbsent(plugin, this::mergeOptions);
        }
        return merged;
    }

    private ConnectionOptions mergeOptions(String plugin) {
        Function<Source, ConnectionOptions> of = source -> source.attributes().connectionOptions().get(plugin);
        return new ConnectionOptions(firstOption(of, ConnectionOptions::hostname),
                firstOption(of, ConnectionOptions::port), firstOption(of, ConnectionOptions::username),
                firstOption(of, ConnectionOptions::password), firstOption(of, ConnectionOptions::platform),
                merge(FrozenMap.of(), source -> {
                    ConnectionOptions o = of.apply(source);
                    return o == null ? FrozenMap.of() : o.extras();
                }));
    }

    private <T> T firstOption(Function<Source, ConnectionOptions> of, Function<ConnectionOptions, T> field) {
        for (Source source : groups) {
            ConnectionOptions o = of.apply(source);
            T value = o == null ? null : field.apply(o);
            if (value != null) {
                return value;
            }
        }
        ConnectionOptions o = of.apply(defaults);
        return o == null ? null : field.apply(o);
    }

    private <T> T first(Function<Attributes, T> field) {
        for (Source source : groups) {
            T value = field.apply(source.attributes());
            if (value != null) {
                return value;
            }
        }
        return field.apply(defaults.attributes());
    }

    /** {@code first}, then each source's map, merged by top-level key (earlier wins); shares a map when it can. */
    private Map<String, Object> merge(Map<String, Object> first, Function<Source, Map<String, Object>> maps) {
        Map<String, Object> result = first;
        for (Source source : groups) {
            result = Lineage.merge(result, maps.apply(source));
        }
        return Lineage.merge(result, maps.apply(defaults));
    }

    /** {@code specific} merged over {@code general} by top-level key; either one itself when the other is empty. */
    static Map<String, Object> merge(Map<String, Object> specific, Map<String, Object> general) {
        if (general.isEmpty()) {
            return specific;
        }
        if (specific.isEmpty()) {
            return general;
        }
        Map<String, Object> merged = new LinkedHashMap<>(specific);
        general.forEach(merged::putIfAbsent);
        return FrozenMap.copyOf(merged);
    }
}
