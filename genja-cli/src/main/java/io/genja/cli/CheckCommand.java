package io.genja.cli;

import io.genja.GenjaException;
import io.genja.inventory.InventoryException;
import io.genja.plugin.PluginManager;
import io.genja.settings.SettingsException;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code genja check}: reads the configuration and inventory and checks the task catalog against the registered
 * plugins and processors, and reports every problem at once instead of stopping at the first.
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
            checkCatalog(catalog, plugins, problems);
        }
        PrintStream out = context.out();
        if (!problems.isEmpty()) {
            PrintStream err = context.err();
            problems.forEach(problem -> err.println("error: " + problem));
            err.println(problems.size() == 1 ? "1 problem found" : problems.size() + " problems found");
            return ExitStatus.BAD_INPUT;
        }
        out.println("config:    " + (workspace.configFile() == null ? "(none)" : workspace.configFile()));
        out.println("inventory: " + ResultTable.count(workspace.inventory().size(), "host") + ", "
                + ResultTable.count(workspace.inventory().groups().size(), "group"));
        out.println("tasks:     " + (catalog.names().isEmpty() ? "none" : String.join(", ", catalog.names())));
        out.println("plugins:   " + (plugins.connectionPluginNames().isEmpty() ? "none"
                : String.join(", ", plugins.connectionPluginNames())));
        out.println("processors: " + (plugins.processorNames().isEmpty() ? "none"
                : String.join(", ", plugins.processorNames())));
        out.println("ok");
        return ExitStatus.OK;
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

    /** Every task's plugin, processors and sub-tasks must be registered. */
    static void checkCatalog(TaskCatalog catalog, PluginManager plugins, List<String> problems) {
        for (TaskDefinition task : catalog.all()) {
            task.connectionPluginName().filter(name -> plugins.findConnectionPlugin(name).isEmpty()).ifPresent(name ->
                    problems.add("task \"" + task.name() + "\" (" + task.taskClass().getName() + ") needs connection"
                            + " plugin \"" + name + "\", which is not registered; registered: "
                            + known(plugins.connectionPluginNames()) + "."
                            + Suggestions.didYouMean(name, plugins.connectionPluginNames())));
            for (String processor : task.processors()) {
                if (plugins.findProcessor(processor).isEmpty()) {
                    problems.add("task \"" + task.name() + "\" (" + task.taskClass().getName() + ") uses processor \""
                            + processor + "\", which is not registered; registered: "
                            + known(plugins.processorNames()) + "."
                            + Suggestions.didYouMean(processor, plugins.processorNames()));
                }
            }
            for (String sub : task.subTasks()) {
                if (catalog.find(sub).isEmpty()) {
                    problems.add("task \"" + task.name() + "\" (" + task.taskClass().getName() + ") lists sub-task \""
                            + sub + "\", which is not in the task catalog; known tasks: " + known(catalog.names()));
                }
            }
        }
    }

    private static <T> T attempt(java.util.function.Supplier<T> loader, List<String> problems) {
        try {
            return loader.get();
        } catch (GenjaException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static String known(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
