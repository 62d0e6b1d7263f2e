package io.genja.cli;

import io.genja.GenjaException;
import io.genja.document.Problem;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.task.TaskCatalog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What one execution of the command works with: its streams, environment and what was injected. */
final class CliContext {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path workingDirectory;
    private final Inventory inventory;
    private PluginManager plugins;
    private TaskCatalog catalog;
    private final boolean terminal;

    CliContext(PrintStream out, PrintStream err, Map<String, String> env, Path workingDirectory, Inventory inventory,
               PluginManager plugins, TaskCatalog catalog, boolean terminal) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.workingDirectory = workingDirectory;
        this.inventory = inventory;
        this.plugins = plugins;
        this.catalog = catalog;
        this.terminal = terminal;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Map<String, String> env() {
        return env;
    }

    /** Resolves a path given on the command line against the working directory. */
    Path resolve(Path path) {
        return workingDirectory.resolve(path).normalize();
    }

    /** A problem with its file shown relative to the working directory when it lies below it. */
    String display(Problem problem) {
        if (problem.file() != null) {
            Path file = Path.of(problem.file());
            if (file.isAbsolute() && file.startsWith(workingDirectory)) {
                return new Problem(workingDirectory.relativize(file).toString(), problem.line(), problem.column(),
                        problem.message()).toString();
            }
        }
        return problem.toString();
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /** The inventory built in code by an embedding application, if any. */
    Optional<Inventory> injectedInventory() {
        return Optional.ofNullable(inventory);
    }

    /** The plugins and processors: injected, else discovered on the class path (once). */
    PluginManager plugins() {
        if (plugins == null) {
            plugins = PluginManager.discover();
        }
        return plugins;
    }

    /** The task catalog: injected, else loaded from the class path (once). */
    TaskCatalog catalog() {
        if (catalog == null) {
            try {
                catalog = TaskCatalog.load();
            } catch (IllegalStateException e) {
                throw new GenjaException(e.getMessage(), e);
            }
        }
        return catalog;
    }

    boolean terminal() {
        return terminal;
    }
}
