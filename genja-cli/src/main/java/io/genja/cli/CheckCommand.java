package io.genja.cli;

import io.genja.GenjaException;
import io.genja.check.WorkspaceCheck;
import io.genja.inventory.FileInventoryPlugin;
import io.genja.inventory.InventoryException;
import io.genja.inventory.InventoryFiles;
import io.genja.plugin.PluginManager;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.InventorySettings;
import io.genja.settings.SettingsException;
import io.genja.task.TaskCatalog;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code genja check}: reads the configuration and inventory and checks the task catalog against the registered
 * plugins and processors, and reports every problem at once instead of stopping at the first. The checks themselves
 * are {@link WorkspaceCheck}'s, shared with the Maven plugin's {@code check} goal.
 */
@Command(name = "check", description = "Checks configuration, inventory and task catalog; reports every problem.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    GenjaCommand genja;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        CliContext context = genja.context();
        List<String> problems = new ArrayList<>();
        Workspace workspace = checkWorkspace(problems);
        PluginManager plugins = attempt(context::plugins, problems);
        TaskCatalog catalog = attempt(context::catalog, problems);
        if (plugins != null && catalog != null) {
            WorkspaceCheck.catalogProblems(catalog, plugins).forEach(problem -> problems.add(context.display(problem)));
        }
        WorkspaceCheck check = null;
        ConnectionResolver resolver = null;
        if (workspace != null && plugins != null) {
            InventoryFiles files = inventoryFiles(workspace);
            if (files != null) {
                WorkspaceCheck.unknownConnectionPlugins(files, plugins)
                        .forEach(problem -> problems.add(context.display(problem)));
            }
            // without the files: the command prints host problems as it always has, one message per host set
            check = new WorkspaceCheck(workspace.inventory(), plugins, null);
            try {
                resolver = ConnectionResolver.of(workspace.inventory(), plugins, workspace.settings());
            } catch (SettingsException e) {
                e.problems().forEach(problem -> problems.add(context.display(problem)));
            }
            check.secretRefusals().forEach(problem -> problems.add(context.display(problem)));
        }
        if (resolver != null) {
            check.connectionProblems(resolver).forEach(problem -> problems.add(context.display(problem)));
        }
        PrintStream out = context.out();
        if (!problems.isEmpty()) {
            PrintStream err = context.err();
            problems.forEach(problem -> err.println("error: " + problem));
            err.println(problems.size() == 1 ? "1 problem found" : problems.size() + " problems found");
            return ExitStatus.BAD_INPUT;
        }
        List<String> warnings = check.warnings(resolver).stream().map(context::display).toList();
        warnings.forEach(warning -> context.err().println("warning: " + warning));
        out.println("config:    " + (workspace.configFile() == null ? "(none)" : workspace.configFile()));
        out.println("inventory: " + ResultTable.count(workspace.inventory().size(), "host") + ", "
                + ResultTable.count(workspace.inventory().groups().size(), "group"));
        out.println("tasks:     " + (catalog.names().isEmpty() ? "none" : String.join(", ", catalog.names())));
        out.println("plugins:   " + (plugins.connectionPluginNames().isEmpty() ? "none"
                : String.join(", ", plugins.connectionPluginNames())));
        out.println("processors: " + (plugins.processorNames().isEmpty() ? "none"
                : String.join(", ", plugins.processorNames())));
        out.println(warnings.isEmpty() ? "ok" : "ok, with " + ResultTable.count(warnings.size(), "warning"));
        return ExitStatus.OK;
    }

    /** The files the inventory was read from, for the connection_options check; none for an injected inventory. */
    private InventoryFiles inventoryFiles(Workspace workspace) {
        InventorySettings inventory = workspace.settings().inventory();
        if (genja.context().injectedInventory().isPresent() || workspace.configFile() == null
                || !inventory.plugin().equals(FileInventoryPlugin.NAME)) {
            return null;
        }
        return FileInventoryPlugin.files(inventory.options(), inventory.baseDirectory());
    }

    /** Loads configuration and inventory, adding each of their problems (with file:line) to {@code problems}. */
    private Workspace checkWorkspace(List<String> problems) {
        try {
            return Workspace.load(genja);
        } catch (InventoryException e) {
            e.problems().forEach(problem -> problems.add(genja.context().display(problem)));
        } catch (SettingsException e) {
            e.problems().forEach(problem -> problems.add(genja.context().display(problem)));
        } catch (CliException e) {
            problems.add(e.getMessage());
            problems.addAll(e.problems());
        } catch (GenjaException | IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return null;
    }

    private static <T> T attempt(java.util.function.Supplier<T> loader, List<String> problems) {
        try {
            return loader.get();
        } catch (GenjaException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
