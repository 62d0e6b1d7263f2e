package io.genja.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where each resolved value of a host comes from: {@code inventory.explain("router1", "ssh")} prints
 *
 * <pre>
 * router1 for ssh
 *   hostname         10.0.0.1     host router1
 *   port             22           host router1 connection_options.ssh
 *   username         automation   group core connection_options.ssh
 *   ...
 * </pre>
 *
 * Passwords and secret-named extras are masked (a value that is only a secret reference is shown as written).
 *
 * @param plugin the connection plugin explained, or {@code null} for the plain attributes
 * @param lines one per attribute, then {@code extras.<key>} (with a plugin), {@code groups} and {@code data.<key>}
 */
public record Explanation(String host, String plugin, List<Line> lines) {

    private static final String NOT_SET = "not set";

    public Explanation {
        lines = List.copyOf(lines);
    }

    /**
     * One resolved value.
     *
     * @param field {@code hostname}, {@code port}, ..., {@code extras.timeout}, {@code data.site}
     * @param value the value as shown ({@code -} when not set)
     * @param source {@code host router1}, {@code group core connection_options.ssh}, {@code defaults} or
     *     {@code not set}
     */
    public record Line(String field, String value, String source) {
    }

    /** The line of {@code field}, if there is one. */
    public Optional<Line> line(String field) {
        return lines.stream().filter(line -> line.field().equals(field)).findFirst();
    }

    static Explanation of(Host host, String plugin) {
        List<Source> chain = host.chain();
        List<Line> lines = new ArrayList<>();
        field(lines, chain, plugin, "hostname", Attributes::hostname, ConnectionOptions::hostname, false);
        if (lines.get(0).source().equals(NOT_SET)) {
            lines.set(0, new Line("hostname", host.name(), "the host's name (no source sets hostname)"));
        }
        field(lines, chain, plugin, "port", Attributes::port, ConnectionOptions::port, false);
        field(lines, chain, plugin, "username", Attributes::username, ConnectionOptions::username, false);
        field(lines, chain, plugin, "password", Attributes::password, ConnectionOptions::password, true);
        field(lines, chain, plugin, "platform", Attributes::platform, ConnectionOptions::platform, false);
        if (plugin != null) {
            mapLines(lines, chain, "extras", source -> {
                ConnectionOptions options = source.attributes().connectionOptions().get(plugin);
                return options == null ? Map.of() : options.extras();
            }, " connection_options." + plugin);
        }
        lines.add(new Line("groups", String.join(", ", host.allGroups()),
                host.groups().isEmpty() ? "host " + host.name() + " lists none" : "host " + host.name()
                        + " and parents"));
        mapLines(lines, chain, "data", source -> source.attributes().data(), "");
        return new Explanation(host.name(), plugin, lines);
    }

    private static <T> void field(List<Line> lines, List<Source> chain, String plugin, String name,
                                  Function<Attributes, T> plain, Function<ConnectionOptions, T> option,
                                  boolean secret) {
        if (plugin != null) {
            for (Source source : chain) {
                ConnectionOptions options = source.attributes().connectionOptions().get(plugin);
                T value = options == null ? null : option.apply(options);
                if (value != null) {
                    lines.add(new Line(name, show(value, secret), source.describe() + " connection_options." + plugin));
                    return;
                }
            }
        }
        for (Source source : chain) {
            T value = plain.apply(source.attributes());
            if (value != null) {
                lines.add(new Line(name, show(value, secret), source.describe()));
                return;
            }
        }
        lines.add(new Line(name, "-", NOT_SET));
    }

    private static void mapLines(List<Line> lines, List<Source> chain, String prefix,
                                 Function<Source, Map<String, Object>> maps, String suffix) {
        Set<String> seen = new LinkedHashSet<>();
        for (Source source : chain) {
            for (Map.Entry<String, Object> entry : maps.apply(source).entrySet()) {
                if (seen.add(entry.getKey())) {
                    boolean secret = SecretResolver.isSecretKey(entry.getKey());
                    lines.add(new Line(prefix + "." + entry.getKey(), show(entry.getValue(), secret),
                            source.describe() + suffix));
                }
            }
        }
    }

    private static String show(Object value, boolean secret) {
        return secret ? SecretResolver.mask(value) : String.valueOf(SecretResolver.maskNested(value));
    }

    @Override
    public String toString() {
        int fieldWidth = 0;
        int valueWidth = 0;
        for (Line line : lines) {
            fieldWidth = Math.max(fieldWidth, line.field().length());
            valueWidth = Math.max(valueWidth, line.value().length());
        }
        StringBuilder out = new StringBuilder(host).append(plugin == null ? "" : " for " + plugin);
        for (Line line : lines) {
            out.append("\n  ").append(pad(line.field(), fieldWidth)).append("  ")
                    .append(pad(line.value(), valueWidth)).append("  ").append(line.source());
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
