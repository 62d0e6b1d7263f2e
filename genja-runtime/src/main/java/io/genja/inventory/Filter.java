package io.genja.inventory;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A predicate over resolved hosts, composable with {@link #and}, {@link #or} and {@link #not}:
 * {@code Filter.group("core").and(Filter.eq("platform", "ios").not())}.
 */
public final class Filter {

    private final String description;
    private final Predicate<Host> predicate;

    private Filter(String description, Predicate<Host> predicate) {
        this.description = description;
        this.predicate = predicate;
    }

    /**
     * Parses a host pattern, as the CLI's {@code --filter} takes it. Close to Ansible's host patterns:
     * <ul>
     *   <li>{@code core:edge} or {@code core,edge}: hosts in either (union);</li>
     *   <li>{@code core:&ios}: hosts in both (intersection); {@code core:!r3}: without {@code r3} (exclusion);
     *       without a plain term the start is every host, so {@code !r3} is everyone but r3;</li>
     *   <li>a name matches a host name or a group (through parents); globs {@code r*}, {@code r?}, {@code r[12]};
     *       {@code ~r\d+} is a regular expression matched from the start; {@code all} and {@code *} are every host;</li>
     *   <li>{@code platform=ios}, {@code data.site=ams} or {@code site=ams}: an attribute or dotted data path
     *       equals a value (which may be a glob).</li>
     * </ul>
     * {@code \:} and {@code \,} put a separator into a pattern.
     *
     * @throws FilterSyntaxException naming the position of the mistake
     */
    public static Filter parse(String expression) {
        return FilterParser.parse(expression);
    }

    /** Every host. */
    public static Filter all() {
        return new Filter("all", host -> true);
    }

    /** Hosts for which {@code predicate} holds; {@code description} is shown in messages. */
    public static Filter of(String description, Predicate<Host> predicate) {
        return new Filter(description, Objects.requireNonNull(predicate, "predicate"));
    }

    /** Hosts where the attribute or data path is set: {@code platform}, {@code site}, {@code site.rack}. */
    public static Filter key(String path) {
        return new Filter("has " + path, host -> value(host, path) != null);
    }

    /** Hosts where the value at {@code path} matches {@code regex} in full. */
    public static Filter keyValue(String path, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new Filter(path + " ~ " + regex, host -> {
            Object value = value(host, path);
            return value != null && pattern.matcher(value.toString()).matches();
        });
    }

    /** Hosts where the value at {@code path} equals {@code value} (numbers and strings compare by text). */
    public static Filter eq(String path, Object value) {
        return new Filter(path + " = " + value, host -> {
            Object actual = value(host, path);
            return actual != null && (actual.equals(value) || actual.toString().equals(String.valueOf(value)));
        });
    }

    /** Hosts in {@code group}, directly or through a parent group. */
    public static Filter group(String group) {
        return new Filter("group " + group, host -> host.inGroup(group));
    }

    /** Hosts whose name matches {@code regex} in full. */
    public static Filter name(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new Filter("name ~ " + regex, host -> pattern.matcher(host.name()).matches());
    }

    public Filter and(Filter other) {
        return new Filter("(" + description + " and " + other.description + ")", predicate.and(other.predicate));
    }

    public Filter or(Filter other) {
        return new Filter("(" + description + " or " + other.description + ")", predicate.or(other.predicate));
    }

    /** Every host this filter does not select. */
    public Filter not() {
        return new Filter("not " + description, predicate.negate());
    }

    public boolean test(Host host) {
        return predicate.test(host);
    }

    /**
     * Attributes by their inventory names first, then the dotted path into data ({@code data.} may be written
     * or left out).
     */
    static Object value(Host host, String path) {
        if (path.startsWith("data.")) {
            return host.data(path.substring(5)).orElse(null);
        }
        return switch (path) {
            case "name" -> host.name();
            case "hostname" -> host.hostname();
            case "port" -> host.port();
            case "username" -> host.username();
            case "platform" -> host.platform();
            default -> host.data(path).orElse(null);
        };
    }

    @Override
    public String toString() {
        return description;
    }
}
