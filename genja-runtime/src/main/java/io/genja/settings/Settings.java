package io.genja.settings;

/**
 * Genja's configuration ({@code config.yaml}): how runs behave when {@code RunOptions} does not say.
 */
public final class Settings {

    private static final Settings DEFAULTS = new Settings(false, "threaded", 20);

    private final boolean raiseOnError;
    private final String runnerPlugin;
    private final int workerCount;

    private Settings(boolean raiseOnError, String runnerPlugin, int workerCount) {
        this.raiseOnError = raiseOnError;
        this.runnerPlugin = runnerPlugin;
        this.workerCount = workerCount;
    }

    /** The built-in defaults: threaded runner with 20 workers, errors recorded rather than raised. */
    public static Settings defaults() {
        return DEFAULTS;
    }

    /** {@code core.raise_on_error}: whether a failed host or hook makes the run throw after it ends. */
    public boolean raiseOnError() {
        return raiseOnError;
    }

    /** {@code runner.plugin}: {@code threaded} or {@code serial}. */
    public String runnerPlugin() {
        return runnerPlugin;
    }

    /** {@code runner.worker_count}. */
    public int workerCount() {
        return workerCount;
    }
}
