package io.genja.settings;

import io.genja.document.Document;
import io.genja.document.DocumentChecker;
import io.genja.document.DocumentException;
import io.genja.document.DocumentReader;
import io.genja.document.MapNode;
import io.genja.document.Node;
import io.genja.document.Problem;
import io.genja.document.Suggestions;
import io.genja.inventory.file.FileInventoryPlugin;
import io.genja.secret.SecretResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and validates a settings file: every unknown key and bad value is a problem with its path
 * ({@code runner.worker_count}) and line; {@code GENJA_*} variables fill in only what the file leaves out.
 */
final class SettingsReader {

    private static final Map<String, List<String>> SCHEMA = new LinkedHashMap<>();

    static {
        SCHEMA.put("core", List.of("raise_on_error"));
        SCHEMA.put("inventory", List.of("plugin", "options", "transform_function", "transform_function_options"));
        SCHEMA.put("ssh", List.of("config_file"));
        SCHEMA.put("runner", List.of("plugin", "worker_count", "options"));
        SCHEMA.put("logging", List.of("enabled", "level", "log_file", "to_console"));
    }

    private static final List<String> FILE_PLUGIN_OPTIONS = List.of("hosts_file", "groups_file", "defaults_file",
            SecretResolver.DIRECTORY_OPTION, SecretResolver.ABSOLUTE_PATHS_OPTION);
    private static final int MAX_WORKERS = 10_000;

    private final Map<String, String> environment;
    private final List<Problem> problems = new ArrayList<>();
    /** {@code section.key} to its value node, as set in the file. */
    private final Map<String, Node> values = new HashMap<>();
    private DocumentChecker checker;

    SettingsReader(Map<String, String> environment) {
        this.environment = environment;
    }

    /** @param file {@code null} for the defaults and the environment only */
    Settings read(Path file) {
        Path base = Path.of("");
        checker = new DocumentChecker(file == null ? null : file.toString(), problems);
        if (file != null) {
            Path parent = file.toAbsolutePath().getParent();
            base = parent != null ? parent : base;
            try {
                Document document = new DocumentReader().read(file, file.toString());
                collect(document.root());
            } catch (DocumentException e) {
                problems.add(e.problem());
            }
        }
        Settings settings = build(file, base);
        if (!problems.isEmpty()) {
            // in file order (the checks run key by key); problems without a position (environment) last, as found
            problems.sort(Comparator.comparingInt((Problem p) -> p.line() > 0 ? 0 : 1)
                    .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new SettingsException(problems);
        }
        return settings;
    }

    private void collect(Node root) {
        for (MapNode.Entry section : checker.entries(root, "the settings file")) {
            String name = section.key().asText();
            List<String> keys = SCHEMA.get(name);
            if (keys == null) {
                checker.problem(section.key(), "unknown section \"" + name + "\""
                        + Suggestions.didYouMean(name, SCHEMA.keySet()) + " (known: "
                        + String.join(", ", SCHEMA.keySet()) + ")");
                continue;
            }
            for (MapNode.Entry entry : checker.entries(section.value(), name)) {
                String key = entry.key().asText();
                if (keys.contains(key)) {
                    values.put(name + "." + key, entry.value());
                } else {
                    checker.problem(entry.key(), "unknown key \"" + name + "." + key + "\""
                            + Suggestions.didYouMean(key, keys) + " (known in " + name + ": "
                            + String.join(", ", keys) + ")");
                }
            }
        }
    }

    private Settings build(Path file, Path base) {
        boolean raiseOnError = bool("core.raise_on_error", "GENJA_CORE_RAISE_ON_ERROR", false);

        String inventoryPlugin = text("inventory.plugin", "GENJA_INVENTORY_PLUGIN", FileInventoryPlugin.NAME);
        Map<String, Object> inventoryOptions = map("inventory.options");
        if (FileInventoryPlugin.NAME.equals(inventoryPlugin)) {
            checkFileOptions(values.get("inventory.options"));
        }
        String transform = text("inventory.transform_function", null, null);
        Map<String, Object> transformOptions = map("inventory.transform_function_options");

        String sshConfig = text("ssh.config_file", "GENJA_SSH_CONFIG_FILE", null);

        String runnerPlugin = choice("runner.plugin", "GENJA_RUNNER_PLUGIN", "threaded", RunnerSettings.PLUGINS);
        int workers = integer("runner.worker_count", "GENJA_RUNNER_WORKER_COUNT", 20);
        Map<String, Object> runnerOptions = map("runner.options");

        boolean loggingEnabled = bool("logging.enabled", "GENJA_LOGGING_ENABLED", true);
        String level = text("logging.level", "GENJA_LOGGING_LEVEL", "INFO").toUpperCase(Locale.ROOT);
        if (level.equals("WARN")) {
            level = "WARNING";
        }
        if (!LoggingSettings.LEVELS.contains(level)) {
            bad("logging.level", "GENJA_LOGGING_LEVEL", "must be one of " + String.join(", ", LoggingSettings.LEVELS)
                    + ", not \"" + level + "\"" + Suggestions.didYouMean(level, LoggingSettings.LEVELS));
            level = "INFO";
        }
        String logFile = text("logging.log_file", "GENJA_LOGGING_LOG_FILE", "genja.log");
        boolean toConsole = bool("logging.to_console", "GENJA_LOGGING_TO_CONSOLE", false);

        return new Settings(file, raiseOnError,
                new InventorySettings(inventoryPlugin, inventoryOptions, transform, transformOptions, base),
                new SshSettings(sshConfig == null ? null : path(sshConfig, base)),
                new RunnerSettings(runnerPlugin, workers, runnerOptions),
                new LoggingSettings(loggingEnabled, level, path(logFile, base),
                        toConsole));
    }

    /** The file plugin's options are known here, so their mistakes get a line too. */
    private void checkFileOptions(Node options) {
        for (MapNode.Entry entry : checker.entries(options, "inventory.options")) {
            String key = entry.key().asText();
            if (!FILE_PLUGIN_OPTIONS.contains(key)) {
                checker.problem(entry.key(), "unknown key \"inventory.options." + key + "\" for "
                        + FileInventoryPlugin.NAME + Suggestions.didYouMean(key, FILE_PLUGIN_OPTIONS) + " (known: "
                        + String.join(", ", FILE_PLUGIN_OPTIONS) + ")");
            } else if (key.equals(SecretResolver.ABSOLUTE_PATHS_OPTION)) {
                checker.bool(entry.value(), "inventory.options." + key);
            } else {
                String path = checker.text(entry.value(), "inventory.options." + key);
                if (path != null && path.isBlank()) {
                    checker.problem(entry.value(), "inventory.options." + key + " must not be empty");
                }
            }
        }
    }

    private static Path path(String text, Path base) {
        if (text.equals("~") || text.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(text.length() > 2 ? text.substring(2) : "");
        }
        return base.resolve(text);
    }

    private String text(String key, String variable, String fallback) {
        Node node = values.get(key);
        if (node != null && !DocumentChecker.isNull(node)) {
            String value = checker.text(node, key);
            if (value != null && value.isBlank()) {
                checker.problem(node, key + " must not be empty");
                return fallback;
            }
            return value != null ? value : fallback;
        }
        String env = variable == null ? null : environment.get(variable);
        return env != null && !env.isBlank() ? env.trim() : fallback;
    }

    private String choice(String key, String variable, String fallback, List<String> allowed) {
        String value = text(key, variable, fallback);
        if (!allowed.contains(value)) {
            bad(key, variable, "must be one of " + String.join(", ", allowed) + ", not \"" + value + "\""
                    + Suggestions.didYouMean(value, allowed));
            return fallback;
        }
        return value;
    }

    private boolean bool(String key, String variable, boolean fallback) {
        Node node = values.get(key);
        if (node != null && !DocumentChecker.isNull(node)) {
            Boolean value = checker.bool(node, key);
            return value != null ? value : fallback;
        }
        String env = environment.get(variable);
        if (env == null || env.isBlank()) {
            return fallback;
        }
        switch (env.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off":
                return false;
            default:
                problems.add(Problem.of("environment variable " + variable + "=\"" + env + "\": " + key
                        + " must be true or false"));
                return fallback;
        }
    }

    private int integer(String key, String variable, int fallback) {
        Node node = values.get(key);
        if (node != null && !DocumentChecker.isNull(node)) {
            Integer value = checker.integer(node, key, 1, MAX_WORKERS);
            return value != null ? value : fallback;
        }
        String env = environment.get(variable);
        if (env == null || env.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(env.trim());
            if (value >= 1 && value <= MAX_WORKERS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Problem.of("environment variable " + variable + "=\"" + env + "\": " + key
                + " must be an integer between 1 and " + MAX_WORKERS));
        return fallback;
    }

    private Map<String, Object> map(String key) {
        return checker.data(values.get(key), key);
    }

    /** A bad value from the file (with its position) or from the environment (naming the variable). */
    private void bad(String key, String variable, String message) {
        Node node = values.get(key);
        if (node != null && !DocumentChecker.isNull(node)) {
            checker.problem(node, key + " " + message);
        } else {
            problems.add(Problem.of("environment variable " + variable + ": " + key + " " + message));
        }
    }
}
