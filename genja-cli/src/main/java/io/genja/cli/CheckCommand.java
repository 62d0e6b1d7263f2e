package io.genja.cli;

import io.genja.GenjaException;
import io.genja.inventory.InventoryException;
import io.genja.plugin.PluginManager;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.SettingsException;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
        ConnectionResolver resolver = null;
        if (workspace != null && plugins != null) {
            try {
                resolver = ConnectionResolver.of(workspace.inventory(), plugins, workspace.settings());
            } catch (SettingsException e) {
                e.problems().forEach(problem -> problems.add(context.display(problem)));
            }
            checkSecretReferences(workspace, plugins, problems);
        }
        if (resolver != null) {
            checkConnections(workspace, plugins, resolver, problems);
        }
        PrintStream out = context.out();
        if (!problems.isEmpty()) {
            PrintStream err = context.err();
            problems.forEach(problem -> err.println("error: " + problem));
            err.println(problems.size() == 1 ? "1 problem found" : problems.size() + " problems found");
            return ExitStatus.BAD_INPUT;
        }
        List<String> warnings = warnings(workspace, plugins, resolver);
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

    /**
     * What would fail hosts at run time but may be fine where the run happens (secrets are often only there): what the
     * plugins note about their settings sections (an {@code ssh.config_file} that does not exist), and secret
     * references that cannot be resolved here, grouped by message.
     */
    static List<String> warnings(Workspace workspace, PluginManager plugins, ConnectionResolver resolver) {
        List<String> warnings = new ArrayList<>(resolver.warnings());
        Inventory inventory = workspace.inventory();
        Map<String, Set<String>> hostsByProblem = new LinkedHashMap<>();
        for (Host host : inventory.hosts()) {
            for (String plugin : plugins.connectionPluginNames()) {
                for (String problem : inventory.secrets().problems(inventory.resolveConnection(host.name(), plugin))) {
                    hostsByProblem.computeIfAbsent(problem, p -> new LinkedHashSet<>()).add(host.name());
                }
            }
        }
        hostsByProblem.forEach((problem, hosts) -> warnings.add(withHosts(problem, hosts)));
        return warnings;
    }

    /**
     * What each registered connection plugin finds wrong with the hosts' parameters without connecting (a bad
     * extra, an unknown platform), one problem per message with the hosts it applies to. The parameters come from the
     * resolver a run uses: inventory, secrets, the plugin's settings section.
     */
    static void checkConnections(Workspace workspace, PluginManager plugins, ConnectionResolver resolver,
                                 List<String> problems) {
        Map<String, Set<String>> hostsByProblem = new LinkedHashMap<>();
        for (String name : plugins.connectionPluginNames()) {
            for (Host host : workspace.inventory().hosts()) {
                for (String problem : resolver.validate(host.name(), name)) {
                    hostsByProblem.computeIfAbsent(name + ": " + problem, p -> new LinkedHashSet<>()).add(host.name());
                }
            }
        }
        hostsByProblem.forEach((problem, hosts) -> problems.add(withHosts(problem, hosts)));
    }

    /**
     * Secret references refused wherever the run happens ({@code ${file:...}} outside the secrets directory, an
     * unknown scheme), one problem per message with the hosts it applies to.
     */
    static void checkSecretReferences(Workspace workspace, PluginManager plugins, List<String> problems) {
        Inventory inventory = workspace.inventory();
        Map<String, Set<String>> hostsByProblem = new LinkedHashMap<>();
        for (Host host : inventory.hosts()) {
            for (String plugin : plugins.connectionPluginNames()) {
                for (String refusal : inventory.secrets().refusals(inventory.resolveConnection(host.name(), plugin))) {
                    hostsByProblem.computeIfAbsent(refusal, p -> new LinkedHashSet<>()).add(host.name());
                }
            }
        }
        hostsByProblem.forEach((problem, hosts) -> problems.add(withHosts(problem, hosts)));
    }

    /** {@code message (3 hosts: r1, r2, s1)}, naming at most five hosts. */
    private static String withHosts(String message, Set<String> hosts) {
        return message + " (" + ResultTable.count(hosts.size(), "host") + ": "
                + hosts.stream().limit(5).collect(Collectors.joining(", ")) + (hosts.size() > 5 ? ", ..." : "") + ")";
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
