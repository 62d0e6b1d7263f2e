package io.genja.settings;

import io.genja.plugin.PluginManager;
import io.genja.rollout.Rollout;
import io.genja.settings.section.SettingsSection;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Genja's configuration ({@code config.yaml} or {@code .json}, the schema of Genja's {@code config.example.yaml}):
 * {@code core.raise_on_error}, the {@code inventory}, {@code runner}, {@code rollout}, {@code logging} and
 * {@code parsing} sections, and
 * one section per
 * connection plugin named like the plugin ({@code ssh}), which the plugin reads and validates itself
 * ({@link io.genja.connection.ConnectionPlugin#settings}). {@code GENJA_*} environment variables fill in what the file
 * leaves out. Immutable; change a copy with the {@code with...} methods.
 *
 * <pre>{@code
 * Settings settings = Settings.load(Path.of("config.yaml"));
 * Inventory inventory = settings.inventory().load(PluginManager.discover());
 * }</pre>
 */
public final class Settings {

    private static final Settings DEFAULTS = new Settings(null, false, InventorySettings.DEFAULTS,
            RunnerSettings.DEFAULTS, LoggingSettings.DEFAULTS, Map.of(), Map.of(), Path.of(""), Rollout.defaults(), null);

    private final Path configFile;
    private final boolean raiseOnError;
    private final InventorySettings inventory;
    private final RunnerSettings runner;
    private final LoggingSettings logging;
    /** The connection plugins' sections by name, each read afresh by whoever asks (a section collects problems). */
    private final Map<String, Supplier<SettingsSection>> sections;
    /** The {@code GENJA_*} variables the settings were read with: plugin keys fall back to them too. */
    private final Map<String, String> environment;
    private final Path baseDirectory;
    private final Rollout rollout;
    /** {@code parsing.templates_dir}; {@code null} when not set. */
    private final Path parsingTemplatesDir;

    Settings(Path configFile, boolean raiseOnError, InventorySettings inventory, RunnerSettings runner,
             LoggingSettings logging, Map<String, Supplier<SettingsSection>> sections, Map<String, String> environment,
             Path baseDirectory, Rollout rollout, Path parsingTemplatesDir) {
        this.configFile = configFile;
        this.raiseOnError = raiseOnError;
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.logging = Objects.requireNonNull(logging, "logging");
        this.sections = Map.copyOf(sections);
        this.environment = Map.copyOf(environment);
        this.baseDirectory = baseDirectory;
        this.rollout = Objects.requireNonNull(rollout, "rollout");
        this.parsingTemplatesDir = parsingTemplatesDir;
    }

    /** The built-in defaults: threaded runner with 20 workers, errors recorded rather than raised. No environment. */
    public static Settings defaults() {
        return DEFAULTS;
    }

    /**
     * Reads a settings file, YAML or JSON by suffix, with the process environment's {@code GENJA_*} variables
     * filling in what it leaves out; connection plugins' sections are checked against the plugins registered for
     * {@code ServiceLoader} ({@link PluginManager#discover()}).
     *
     * @throws SettingsException listing every unknown key and bad value with file, line and column
     */
    public static Settings load(Path configFile) {
        return load(configFile, System.getenv());
    }

    /** As {@link #load(Path)}, with {@code environment} in place of the process environment. */
    public static Settings load(Path configFile, Map<String, String> environment) {
        return load(configFile, environment, PluginManager.discover());
    }

    /**
     * As {@link #load(Path)}, with {@code environment} in place of the process environment, checking the sections
     * against {@code plugins}: a section that is neither a core one nor a plugin of {@code plugins} is an error, and
     * each plugin validates its own (a plugin registered only in code must be in {@code plugins} for its section to
     * be accepted).
     */
    public static Settings load(Path configFile, Map<String, String> environment, PluginManager plugins) {
        return new SettingsReader(environment, plugins).read(configFile);
    }

    /** The defaults with {@code GENJA_*} variables of {@code environment} applied, for runs without a file. */
    public static Settings fromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment, PluginManager.discover());
    }

    /** As {@link #fromEnvironment(Map)}, the connection plugins' variables checked by {@code plugins}. */
    public static Settings fromEnvironment(Map<String, String> environment, PluginManager plugins) {
        return new SettingsReader(environment, plugins).read(null);
    }

    /** The file these settings were read from, if any. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** {@code core.raise_on_error}: whether a failed host or hook makes the run throw after it ends. */
    public boolean raiseOnError() {
        return raiseOnError;
    }

    /** The {@code inventory} section. */
    public InventorySettings inventory() {
        return inventory;
    }

    /**
     * The section of the connection plugin {@code name} ({@code ssh}), for the plugin to read: a new one on every
     * call, empty (values only from {@code GENJA_<NAME>_<KEY>} variables) when the settings have none.
     */
    public SettingsSection section(String name) {
        Supplier<SettingsSection> section = sections.get(Objects.requireNonNull(name, "name"));
        return section != null ? section.get() : SettingsSection.empty(name, baseDirectory, environment);
    }

    /** The names of the plugin sections the settings hold (those in the file and those set in code). */
    public Set<String> sectionNames() {
        return Set.copyOf(sections.keySet());
    }

    /** The {@code runner} section. */
    public RunnerSettings runner() {
        return runner;
    }

    /** The {@code logging} section. */
    public LoggingSettings logging() {
        return logging;
    }

    /** {@code runner.plugin}: {@code threaded} or {@code serial}. */
    public String runnerPlugin() {
        return runner.plugin();
    }

    /** {@code runner.worker_count} (or {@code runner.options.num_of_workers}). */
    public int workerCount() {
        return runner.workerCount();
    }

    /** {@code runner.options} as written, for the runner {@code runner.plugin} names. */
    public Map<String, Object> runnerOptions() {
        return runner.options();
    }

    /**
     * The {@code rollout} section: order, batches, failure thresholds and throttles for every run, unless a run's
     * {@code RunOptions} set them (see {@code docs/runners.md}).
     */
    public Rollout rollout() {
        return rollout;
    }

    public Settings withRollout(Rollout rollout) {
        return new Settings(configFile, raiseOnError, inventory, runner, logging, sections, environment,
                baseDirectory, Objects.requireNonNull(rollout, "rollout"), parsingTemplatesDir);
    }

    public Settings withRaiseOnError(boolean raiseOnError) {
        return new Settings(configFile, raiseOnError, inventory, runner, logging, sections, environment,
                baseDirectory, rollout, parsingTemplatesDir);
    }

    public Settings withInventory(InventorySettings inventory) {
        return new Settings(configFile, raiseOnError, inventory, runner, logging, sections, environment,
                baseDirectory, rollout, parsingTemplatesDir);
    }

    /**
     * With the connection plugin {@code name}'s section set to {@code values} (plain data, as the file would hold
     * it; relative paths start at the settings file's directory), replacing the file's. The plugin checks it when
     * a {@code Genja} is built.
     */
    public Settings withSection(String name, Map<String, ?> values) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> copy = new LinkedHashMap<>(values);
        Map<String, Supplier<SettingsSection>> changed = new LinkedHashMap<>(sections);
        changed.put(name, () -> SettingsSection.of(name, copy, baseDirectory));
        return new Settings(configFile, raiseOnError, inventory, runner, logging, changed, environment,
                baseDirectory, rollout, parsingTemplatesDir);
    }

    /**
     * {@code parsing.templates_dir}: the directory with an ntc-templates style {@code index} and the TextFSM
     * templates it names, where {@code TaskRuntimeContext.parse} finds the template for a platform and command
     * (docs/parsing.md). Relative paths start at the settings file's directory.
     */
    public Optional<Path> parsingTemplatesDir() {
        return Optional.ofNullable(parsingTemplatesDir);
    }

    /** With {@code parsing.templates_dir} set to {@code directory} ({@code null}: not set). */
    public Settings withParsingTemplatesDir(Path directory) {
        return new Settings(configFile, raiseOnError, inventory, runner, logging, sections, environment,
                baseDirectory, rollout, directory);
    }

    public Settings withRunner(RunnerSettings runner) {
        return new Settings(configFile, raiseOnError, inventory, runner, logging, sections, environment,
                baseDirectory, rollout, parsingTemplatesDir);
    }

    public Settings withLogging(LoggingSettings logging) {
        return new Settings(configFile, raiseOnError, inventory, runner, logging, sections, environment,
                baseDirectory, rollout, parsingTemplatesDir);
    }

    @Override
    public String toString() {
        return "Settings[configFile=" + configFile + ", raiseOnError=" + raiseOnError + ", " + inventory + ", "
                + runner + ", rollout=[" + rollout + "], " + logging + ", parsingTemplatesDir=" + parsingTemplatesDir
                + ", sections="
                + new java.util.TreeSet<>(sections.keySet()) + "]";
    }
}
