package io.genja.settings.section;

import io.genja.internal.document.DocumentChecker;
import io.genja.internal.document.ListNode;
import io.genja.internal.document.MapNode;
import io.genja.internal.document.Node;
import io.genja.document.Problem;
import io.genja.internal.document.ScalarNode;
import io.genja.document.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One plugin's section of the settings file (the {@code ssh:} map for the {@code ssh} plugin), as the plugin reads
 * it: typed values, each wrong one recorded as a {@link Problem} at the line and column the user wrote it, so that
 * {@code genja check} and {@code Genja} report a plugin's mistakes like the rest of the settings. A key the file
 * leaves out falls back to the environment variable {@code GENJA_<SECTION>_<KEY>} ({@code GENJA_SSH_CONFIG_FILE}).
 *
 * <p>Getters return empty for a missing or wrong value; {@link #problems()} says which were wrong. Not thread-safe:
 * one plugin reads it once.
 */
public final class SettingsSection {

    private final String name;
    private final String file;
    private final Node node;
    private final Map<String, Node> values;
    private final Map<String, ScalarNode> keys;
    private final Path baseDirectory;
    private final Map<String, String> environment;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final DocumentChecker checker;

    private SettingsSection(String name, String file, Node node, Path baseDirectory, Map<String, String> environment) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = file;
        this.node = node;
        this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.checker = new DocumentChecker(file, problems);
        this.values = new LinkedHashMap<>();
        this.keys = new LinkedHashMap<>();
        for (MapNode.Entry entry : checker.entries(node, name)) {
            keys.put(entry.key().asText(), entry.key());
            values.put(entry.key().asText(), entry.value());
        }
    }

    /**
     * The section {@code name} as read from a settings file ({@code node}: its parsed map). Used by
     * {@code Settings}, which hands each reader a fresh section; plugins receive sections, they do not make them.
     */
    public static SettingsSection read(String name, String file, Node node, Path baseDirectory,
                                       Map<String, String> environment) {
        return new SettingsSection(name, file, node, baseDirectory, environment);
    }

    /** An empty section: the settings name no such section, only the environment may fill in values. */
    public static SettingsSection empty(String name, Path baseDirectory, Map<String, String> environment) {
        return new SettingsSection(name, null, null, baseDirectory, environment);
    }

    /**
     * A section built in code (no file, so its problems have no line), for {@code Settings.withSection} and tests.
     *
     * @param values plain data: maps with string keys, lists, strings, numbers, booleans
     */
    public static SettingsSection of(String name, Map<String, ?> values, Path baseDirectory) {
        return new SettingsSection(name, null, node(values), baseDirectory, Map.of());
    }

    private static Node node(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<MapNode.Entry> entries = new ArrayList<>();
            map.forEach((key, item) -> entries.add(new MapNode.Entry(
                    new ScalarNode(String.valueOf(key), String.valueOf(key), 0, 0), node(item))));
            return new MapNode(entries, 0, 0);
        }
        if (value instanceof List<?> list) {
            return new ListNode(list.stream().map(SettingsSection::node).toList(), 0, 0);
        }
        return new ScalarNode(value, String.valueOf(value), 0, 0);
    }

    /** The section's name: the plugin's name, the top-level key of the settings file. */
    public String name() {
        return name;
    }

    /** Whether the settings file has this section (else its values come from the environment, if anywhere). */
    public boolean inFile() {
        return node != null;
    }

    /** The keys as written in the file, in file order. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(keys.keySet());
    }

    /** The directory relative paths start from: the settings file's. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** A string (numbers as written); from the file, else {@code GENJA_<SECTION>_<KEY>}. Blank is a problem. */
    public Optional<String> text(String key) {
        Node value = values.get(key);
        if (!DocumentChecker.isNull(value)) {
            String text = checker.text(value, where(key));
            if (text != null && text.isBlank()) {
                checker.problem(value, where(key) + " must not be empty");
                return Optional.empty();
            }
            return Optional.ofNullable(text);
        }
        String env = environment.get(variable(key));
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.trim());
    }

    /**
     * A path: {@code ~/} is the user's home, a relative path starts at {@link #baseDirectory()}.
     */
    public Optional<Path> path(String key) {
        return text(key).map(text -> {
            if (text.equals("~") || text.startsWith("~/")) {
                return Path.of(System.getProperty("user.home")).resolve(text.length() > 2 ? text.substring(2) : "");
            }
            return baseDirectory.resolve(text);
        });
    }

    /** {@code true} or {@code false}; from the file, else the environment ({@code true/false/1/0/yes/no/on/off}). */
    public Optional<Boolean> bool(String key) {
        Node value = values.get(key);
        if (!DocumentChecker.isNull(value)) {
            return Optional.ofNullable(checker.bool(value, where(key)));
        }
        String env = environment.get(variable(key));
        if (env == null || env.isBlank()) {
            return Optional.empty();
        }
        switch (env.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on":
                return Optional.of(true);
            case "false", "0", "no", "off":
                return Optional.of(false);
            default:
                problems.add(Problem.of("environment variable " + variable(key) + "=\"" + env + "\": " + where(key)
                        + " must be true or false"));
                return Optional.empty();
        }
    }

    /** An integer between {@code min} and {@code max}; from the file, else the environment. */
    public Optional<Integer> integer(String key, int min, int max) {
        Node value = values.get(key);
        if (!DocumentChecker.isNull(value)) {
            return Optional.ofNullable(checker.integer(value, where(key), min, max));
        }
        String env = environment.get(variable(key));
        if (env == null || env.isBlank()) {
            return Optional.empty();
        }
        try {
            int parsed = Integer.parseInt(env.trim());
            if (parsed >= min && parsed <= max) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Problem.of("environment variable " + variable(key) + "=\"" + env + "\": " + where(key)
                + " must be an integer between " + min + " and " + max));
        return Optional.empty();
    }

    /** Any value as plain Java data (maps, lists, scalars), for keys a plugin passes on as written. */
    public Optional<Object> value(String key) {
        Node value = values.get(key);
        return DocumentChecker.isNull(value) ? Optional.empty() : Optional.ofNullable(checker.plain(value, where(key)));
    }

    /** Reports a problem at {@code key}'s value (or at the section when the key is not in the file). */
    public void problem(String key, String message) {
        Node value = values.get(key);
        checker.problem(value != null ? value : node, message);
    }

    /**
     * Records something that may be fine where the run happens (a file that does not exist here); {@code genja check}
     * prints it as a warning, a run ignores it.
     */
    public void warning(String message) {
        warnings.add(message);
    }

    /**
     * Reports every key not in {@code known} with a "did you mean" (the settings reader does this with the keys the
     * plugin declares; a plugin need not).
     */
    public void checkKeys(Set<String> known) {
        List<String> sorted = known.stream().sorted().toList();
        keys.forEach((key, keyNode) -> {
            if (!known.contains(key)) {
                checker.problem(keyNode, "unknown key \"" + where(key) + "\""
                        + Suggestions.didYouMean(key, sorted) + " (known in " + name + ": "
                        + (sorted.isEmpty() ? "none: the " + name + " plugin takes no settings"
                        : String.join(", ", sorted)) + ")");
            }
        });
    }

    /** Every problem found so far, in the order found. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Every warning recorded so far. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** {@code ssh.config_file}. */
    private String where(String key) {
        return name + "." + key;
    }

    /** {@code GENJA_SSH_CONFIG_FILE}. */
    private String variable(String key) {
        return ("GENJA_" + name + "_" + key).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    @Override
    public String toString() {
        return "SettingsSection[" + name + ", keys=" + keys.keySet() + "]";
    }
}
