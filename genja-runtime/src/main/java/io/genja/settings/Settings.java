package io.genja.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Genja's configuration ({@code config.yaml} or {@code .json}, the schema of Genja's {@code config.example.yaml}):
 * {@code core.raise_on_error}, the {@code inventory}, {@code ssh}, {@code runner} and {@code logging} sections.
 * {@code GENJA_*} environment variables fill in what the file leaves out. Immutable; change a copy with the
 * {@code with...} methods.
 *
 * <pre>{@code
 * Settings settings = Settings.load(Path.of("config.yaml"));
 * Inventory inventory = settings.inventory().load(PluginManager.discover());
 * }</pre>
 */
public final class Settings {

    private static final Settings DEFAULTS = new Settings(null, false, InventorySettings.DEFAULTS,
            SshSettings.DEFAULTS, RunnerSettings.DEFAULTS, LoggingSettings.DEFAULTS);

    private final Path configFile;
    private final boolean raiseOnError;
    private final InventorySettings inventory;
    private final SshSettings ssh;
    private final RunnerSettings runner;
    private final LoggingSettings logging;

    Settings(Path configFile, boolean raiseOnError, InventorySettings inventory, SshSettings ssh,
             RunnerSettings runner, LoggingSettings logging) {
        this.configFile = configFile;
        this.raiseOnError = raiseOnError;
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.ssh = Objects.requireNonNull(ssh, "ssh");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.logging = Objects.requireNonNull(logging, "logging");
    }

    /** The built-in defaults: threaded runner with 20 workers, errors recorded rather than raised. No environment. */
    public static Settings defaults() {
        return DEFAULTS;
    }

    /**
     * Reads a settings file, YAML or JSON by suffix, with the process environment's {@code GENJA_*} variables
     * filling in what it leaves out.
     *
     * @throws SettingsException listing every unknown key and bad value with file, line and column
     */
    public static Settings load(Path configFile) {
        return load(configFile, System.getenv());
    }

    /** As {@link #load(Path)}, with {@code environment} in place of the process environment. */
    public static Settings load(Path configFile, Map<String, String> environment) {
        return new SettingsReader(environment).read(configFile);
    }

    /** The defaults with {@code GENJA_*} variables of {@code environment} applied, for runs without a file. */
    public static Settings fromEnvironment(Map<String, String> environment) {
        return new SettingsReader(environment).read(null);
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

    /** The {@code ssh} section. */
    public SshSettings ssh() {
        return ssh;
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

    /** {@code runner.worker_count}. */
    public int workerCount() {
        return runner.workerCount();
    }

    public Settings withRaiseOnError(boolean raiseOnError) {
        return new Settings(configFile, raiseOnError, inventory, ssh, runner, logging);
    }

    public Settings withInventory(InventorySettings inventory) {
        return new Settings(configFile, raiseOnError, inventory, ssh, runner, logging);
    }

    public Settings withSsh(SshSettings ssh) {
        return new Settings(configFile, raiseOnError, inventory, ssh, runner, logging);
    }

    public Settings withRunner(RunnerSettings runner) {
        return new Settings(configFile, raiseOnError, inventory, ssh, runner, logging);
    }

    public Settings withLogging(LoggingSettings logging) {
        return new Settings(configFile, raiseOnError, inventory, ssh, runner, logging);
    }

    @Override
    public String toString() {
        return "Settings[configFile=" + configFile + ", raiseOnError=" + raiseOnError + ", " + inventory + ", "
                + ssh + ", " + runner + ", " + logging + "]";
    }
}
