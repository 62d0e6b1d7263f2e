package io.genja.cli;

import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.task.TaskCatalog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code genja} command, embeddable: applications and tests run it in-process with their own output
 * streams, environment and, optionally, an inventory, plugins or task catalog built in code.
 *
 * <pre>{@code
 * int status = GenjaCli.builder().inventory(fleet.inventory()).build().execute("run", "backup_config");
 * }</pre>
 *
 * <p>{@link #execute} returns the exit status ({@link ExitStatus}) and never calls {@code System.exit}.
 */
public final class GenjaCli {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path workingDirectory;
    private final Inventory inventory;
    private final PluginManager plugins;
    private final TaskCatalog catalog;
    private final Boolean terminal;

    /** The command as a user runs it: {@code System.out}/{@code System.err}, the process environment. */
    public GenjaCli() {
        this(builder());
    }

    private GenjaCli(Builder builder) {
        this.out = builder.out;
        this.err = builder.err;
        this.env = Map.copyOf(builder.env);
        this.workingDirectory = builder.workingDirectory;
        this.inventory = builder.inventory;
        this.plugins = builder.plugins;
        this.catalog = builder.catalog;
        this.terminal = builder.terminal;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the command line {@code args} (without the program name) and returns its exit status: 0 when every
     * host passed, 1 when a host failed, 2 for bad usage, configuration or input, 3 for an internal error, 130 when
     * Ctrl-C interrupted {@code run} (while {@code run} runs, it handles SIGINT for the whole JVM; see docs/cli.md).
     */
    public int execute(String... args) {
        boolean onTerminal = terminal != null ? terminal : out == System.out && System.console() != null;
        CliContext context = new CliContext(out, err, env, workingDirectory, inventory, plugins, catalog, onTerminal);
        return GenjaCommand.commandLine(context).execute(args);
    }

    /** Builds a {@link GenjaCli}; everything not set is taken from the process. */
    public static final class Builder {
        private PrintStream out = System.out;
        private PrintStream err = System.err;
        private Map<String, String> env = System.getenv();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private Inventory inventory;
        private PluginManager plugins;
        private TaskCatalog catalog;
        private Boolean terminal;

        private Builder() {
        }

        /** Where results, tables and help go. */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Where errors, problems and console logging go. */
        public Builder err(PrintStream err) {
            this.err = Objects.requireNonNull(err, "err");
            return this;
        }

        /**
         * The environment ({@code GENJA_CONFIG}, the settings' {@code GENJA_*} fallbacks, and the {@code ${env:...}}
         * secrets of an inventory the command loads).
         */
        public Builder env(Map<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /** The directory relative paths on the command line are resolved against. */
        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory.toAbsolutePath();
            return this;
        }

        /**
         * An inventory built in code, used instead of the one the configuration names (the configuration
         * still supplies the settings when one is given).
         */
        public Builder inventory(Inventory inventory) {
            this.inventory = Objects.requireNonNull(inventory, "inventory");
            return this;
        }

        /** The plugins and processors to use; without this they are discovered on the class path. */
        public Builder plugins(PluginManager plugins) {
            this.plugins = Objects.requireNonNull(plugins, "plugins");
            return this;
        }

        /** The task catalog to use; without this it is loaded from the class path. */
        public Builder catalog(TaskCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** Whether {@code out} is a terminal (progress bar, colours); by default detected from the console. */
        public Builder terminal(boolean terminal) {
            this.terminal = terminal;
            return this;
        }

        public GenjaCli build() {
            return new GenjaCli(this);
        }
    }
}
