package io.genja.settings;

import io.genja.internal.document.Document;
import io.genja.internal.document.DocumentChecker;
import io.genja.internal.document.DocumentException;
import io.genja.internal.document.DocumentReader;
import io.genja.internal.document.ListNode;
import io.genja.internal.document.MapNode;
import io.genja.internal.document.Node;
import io.genja.internal.document.ScalarNode;
import io.genja.document.Problem;
import io.genja.document.Suggestions;
import io.genja.connection.ConnectionPlugin;
import io.genja.inventory.InventoryPlugin;
import io.genja.inventory.FileInventoryPlugin;
import io.genja.plugin.PluginManager;
import io.genja.rollout.BatchSize;
import io.genja.rollout.HostOrder;
import io.genja.rollout.Rollout;
import io.genja.settings.section.SettingsSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reads and validates a settings file: every unknown key and bad value is a problem with its path
 * ({@code runner.worker_count}) and line; {@code GENJA_*} variables fill in only what the file leaves out. A
 * top-level section that is not a core one must be a registered connection plugin's, which validates it; the
 * options of a registered inventory plugin that declares them are checked here too. Plugin names
 * ({@code inventory.plugin}, {@code inventory.transform_function}) are checked where they are used, as the plugin
 * may be registered in code later.
 */
final class SettingsReader {

    private static final Map<String, List<String>> SCHEMA = new LinkedHashMap<>();

    static {
        SCHEMA.put("core", List.of("raise_on_error"));
        SCHEMA.put("inventory", List.of("plugin", "options", "transform_function", "transform_function_options"));
        SCHEMA.put("runner", List.of("plugin", "worker_count", "options", "max_task_depth"));
        SCHEMA.put("rollout", List.of("batches", "max_fail_percentage", "any_errors_fatal", "ignore_unreachable",
                "order", "seed", "throttle"));
        SCHEMA.put("logging", List.of("enabled", "level", "log_file", "to_console", "file_size", "max_file_count"));
        SCHEMA.put("parsing", List.of("templates_dir"));
    }

    private static final int MAX_WORKERS = 10_000;
    /** Deeper sub-task nesting than this is a mistake, not a plan. */
    private static final int MAX_TASK_DEPTH = 1_000;
    /** Logback's fixed-window rolling keeps at most 20 files. */
    private static final int MAX_LOG_FILES = 20;
    /** {@code runner.options} key the threaded runner of Genja's example takes its worker count from. */
    static final String NUM_OF_WORKERS = "num_of_workers";

    private final Map<String, String> environment;
    private final PluginManager plugins;
    /** The connection plugins' sections in the file, by plugin name. */
    private final Map<String, Node> pluginSections = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    /** {@code section.key} to its value node, as set in the file. */
    private final Map<String, Node> values = new HashMap<>();
    private DocumentChecker checker;

    SettingsReader(Map<String, String> environment, PluginManager plugins) {
        this.environment = environment;
        this.plugins = plugins;
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
            throw new SettingsException(problems, settings);
        }
        return settings;
    }

    private void collect(Node root) {
        for (MapNode.Entry section : checker.entries(root, "the settings file")) {
            String name = section.key().asText();
            List<String> keys = SCHEMA.get(name);
            if (keys == null && plugins.findConnectionPlugin(name).isPresent()) {
                pluginSections.put(name, section.value());
                continue;
            }
            if (keys == null) {
                List<String> known = new ArrayList<>(SCHEMA.keySet());
                known.addAll(plugins.connectionPluginNames());
                List<String> connectionPlugins = plugins.connectionPluginNames();
                checker.problem(section.key(), "unknown section \"" + name + "\""
                        + Suggestions.didYouMean(name, known) + " (known: " + String.join(", ", SCHEMA.keySet())
                        + "; connection plugins: " + (connectionPlugins.isEmpty() ? "none registered"
                        : String.join(", ", connectionPlugins)) + ")");
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
        plugins.findInventoryPlugin(inventoryPlugin).ifPresent(plugin ->
                checkInventoryOptions(plugin, values.get("inventory.options"), base));
        String transform = text("inventory.transform_function", null, null);
        Map<String, Object> transformOptions = map("inventory.transform_function_options");

        String runnerPlugin = choice("runner.plugin", "GENJA_RUNNER_PLUGIN", "threaded", plugins.runnerNames());
        Map<String, Object> runnerOptions = map("runner.options");
        int workers = workers();
        Integer maxTaskDepth = values.containsKey("runner.max_task_depth")
                ? checker.integer(values.get("runner.max_task_depth"), "runner.max_task_depth", 0, MAX_TASK_DEPTH)
                : null;

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
        Integer fileSize = checker.integer(values.get("logging.file_size"), "logging.file_size", 0,
                Integer.MAX_VALUE);
        Integer maxFileCount = checker.integer(values.get("logging.max_file_count"), "logging.max_file_count", 1,
                MAX_LOG_FILES);

        String templatesDir = text("parsing.templates_dir", "GENJA_PARSING_TEMPLATES_DIR", null);

        Map<String, String> genjaVariables = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("GENJA_")) {
                genjaVariables.put(name, value);
            }
        });
        Map<String, Supplier<SettingsSection>> sections = new LinkedHashMap<>();
        String fileName = file == null ? null : file.toString();
        pluginSections.forEach((name, node) -> sections.put(name,
                () -> SettingsSection.read(name, fileName, node, base, genjaVariables)));
        Settings settings = new Settings(file, raiseOnError,
                new InventorySettings(inventoryPlugin, inventoryOptions, transform, transformOptions, base),
                new RunnerSettings(runnerPlugin, workers, runnerOptions, maxTaskDepth),
                new LoggingSettings(loggingEnabled, level, path(logFile, base), toConsole,
                        fileSize != null ? fileSize : LoggingSettings.DEFAULT_FILE_SIZE,
                        maxFileCount != null ? maxFileCount : LoggingSettings.DEFAULT_MAX_FILE_COUNT),
                sections, genjaVariables, base, rollout(), templatesDir == null ? null : path(templatesDir, base));
        for (ConnectionPlugin plugin : plugins.connectionPlugins()) {
            SettingsSection section = settings.section(plugin.name());
            ConnectionResolver.read(plugin, section);
            problems.addAll(section.problems());
        }
        return settings;
    }

    /**
     * {@code runner.worker_count}, else {@code runner.options.num_of_workers} (how Genja's example sets the threaded
     * runner's workers), else {@code GENJA_RUNNER_WORKER_COUNT}, else 20.
     */
    private int workers() {
        Node numOfWorkers = null;
        for (MapNode.Entry entry : checker.entries(values.get("runner.options"), "runner.options")) {
            if (entry.key().asText().equals(NUM_OF_WORKERS)) {
                numOfWorkers = entry.value();
            }
        }
        if (numOfWorkers != null && DocumentChecker.isNull(values.get("runner.worker_count"))) {
            Integer value = checker.integer(numOfWorkers, "runner.options." + NUM_OF_WORKERS, 1, MAX_WORKERS);
            return value != null ? value : 20;
        }
        return integer("runner.worker_count", "GENJA_RUNNER_WORKER_COUNT", 20);
    }

    /**
     * The {@code rollout} section, read into the same model {@code RunOptions} and {@code genja run} use; a wrong
     * value is reported at its line with what would be right.
     */
    private Rollout rollout() {
        Rollout rollout = Rollout.defaults();
        Node batches = values.get("rollout.batches");
        if (!DocumentChecker.isNull(batches)) {
            List<String> entries = new ArrayList<>();
            for (Node entry : batches instanceof ListNode list ? list.items() : List.of(batches)) {
                if (entry instanceof ScalarNode scalar && !(scalar.value() instanceof Boolean)) {
                    entries.add(scalar.asText());
                } else {
                    checker.problem(entry, "rollout.batches must be a list of batch sizes like [1, \"10%\", "
                            + "\"100%\"] (or \"1,10%,100%\"), not " + entry.describe());
                }
            }
            if (entries.size() == (batches instanceof ListNode list ? list.items().size() : 1)) {
                rollout = rolloutValue(batches, rollout, r -> r.batches(BatchSize.parseList(entries)));
            }
        }
        Node percentage = values.get("rollout.max_fail_percentage");
        if (!DocumentChecker.isNull(percentage)) {
            if (percentage instanceof ScalarNode scalar && !(scalar.value() instanceof Boolean)) {
                rollout = rolloutValue(percentage, rollout,
                        r -> r.maxFailPercentage(Rollout.parsePercentage(scalar.asText())));
            } else {
                checker.problem(percentage, "rollout.max_fail_percentage must be a number between 0 and 100, not "
                        + percentage.describe());
            }
        }
        Boolean fatal = checker.bool(values.get("rollout.any_errors_fatal"), "rollout.any_errors_fatal");
        if (fatal != null) {
            rollout = rollout.anyErrorsFatal(fatal);
        }
        Boolean ignoreUnreachable = checker.bool(values.get("rollout.ignore_unreachable"),
                "rollout.ignore_unreachable");
        if (ignoreUnreachable != null) {
            rollout = rollout.ignoreUnreachable(ignoreUnreachable);
        }
        String order = checker.text(values.get("rollout.order"), "rollout.order");
        if (order != null) {
            rollout = rolloutValue(values.get("rollout.order"), rollout, r -> r.order(HostOrder.parse(order)));
        }
        Node seed = values.get("rollout.seed");
        if (!DocumentChecker.isNull(seed)) {
            if (seed instanceof ScalarNode scalar && scalar.value() instanceof Number number
                    && !(number instanceof Double) && !(number instanceof Float)) {
                rollout = rolloutValue(seed, rollout, r -> r.seed(Long.parseLong(scalar.asText())));
            } else {
                checker.problem(seed, "rollout.seed must be a whole number, not " + seed.describe());
            }
        }
        for (MapNode.Entry entry : checker.entries(values.get("rollout.throttle"), "rollout.throttle")) {
            Integer limit = checker.integer(entry.value(), "rollout.throttle." + entry.key().asText(), 1, MAX_WORKERS);
            if (limit != null) {
                rollout = rolloutValue(entry.key(), rollout, r -> r.throttle(entry.key().asText(), limit));
            }
        }
        return rollout;
    }

    /** {@code change} applied to {@code rollout}; if the model refuses it, the reason at {@code node}. */
    private Rollout rolloutValue(Node node, Rollout rollout, UnaryOperator<Rollout> change) {
        try {
            return change.apply(rollout);
        } catch (IllegalArgumentException e) {
            checker.problem(node, "rollout: " + e.getMessage());
            return rollout;
        }
    }

    /**
     * The options of an inventory plugin that declares them ({@link InventoryPlugin#optionNames()}) are checked here,
     * so their mistakes get a line too: unknown keys, then the plugin's own checks of the values.
     */
    private void checkInventoryOptions(InventoryPlugin plugin, Node options, Path base) {
        List<String> known = plugin.optionNames();
        if (known.isEmpty()) {
            return;
        }
        for (MapNode.Entry entry : checker.entries(options, "inventory.options")) {
            String key = entry.key().asText();
            if (!known.contains(key)) {
                checker.problem(entry.key(), "unknown key \"inventory.options." + key + "\" for " + plugin.name()
                        + Suggestions.didYouMean(key, known) + " (known: " + String.join(", ", known) + ")");
            }
        }
        if (options instanceof MapNode) {
            SettingsSection section = SettingsSection.read("inventory.options", checker.file(), options, base,
                    Map.of());
            try {
                plugin.checkOptions(section);
            } catch (RuntimeException e) {
                section.problem(null, "inventory plugin " + plugin.name() + " failed checking its options: " + e);
            }
            problems.addAll(section.problems());
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
