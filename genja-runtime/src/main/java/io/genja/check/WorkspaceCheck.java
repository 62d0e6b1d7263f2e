package io.genja.check;

import io.genja.GenjaException;
import io.genja.connection.ConnectionException;
import io.genja.document.Problem;
import io.genja.document.Suggestions;
import io.genja.internal.document.MapNode;
import io.genja.internal.document.Node;
import io.genja.inventory.FileInventoryPlugin;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.inventory.InventoryException;
import io.genja.inventory.InventoryFiles;
import io.genja.plugin.PluginManager;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.InventorySettings;
import io.genja.settings.Settings;
import io.genja.settings.SettingsException;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks {@code genja check} and the Maven plugin's {@code check} goal run: everything that would fail a run,
 * found without connecting, every problem at once. {@link #run} does all of it from a settings file; the instance
 * methods check a loaded inventory (the command line may inject one built in code).
 *
 * <p>Problems about hosts are grouped: one message for every host it applies to, at the place it is written when
 * the inventory came from files ({@code hosts.yaml:7:13}), naming the hosts it applies to.
 */
public final class WorkspaceCheck {

    private final Inventory inventory;
    private final PluginManager plugins;
    private final InventoryLocator locator;

    /**
     * @param files the files {@code inventory} was read from, to place problems in them; {@code null} when it was
     *     built in code
     */
    public WorkspaceCheck(Inventory inventory, PluginManager plugins, InventoryFiles files) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.locator = new InventoryLocator(files);
    }

    /**
     * Reads the settings file and the inventory it names, and checks them and {@code catalog} against
     * {@code plugins}: what {@code genja check} reports for the same files. Problems of the settings do not stop
     * the inventory from being checked: the settings are used as far as they could be read.
     *
     * @param environment the variables {@code GENJA_*} settings and {@code ${env:...}} secrets come from
     * @param catalog the tasks to check; {@code null} to check none
     */
    public static CheckReport run(Path configFile, Map<String, String> environment, PluginManager plugins,
                                  TaskCatalog catalog) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<Path> read = new ArrayList<>(List.of(configFile));
        Settings settings;
        try {
            settings = Settings.load(configFile, environment, plugins);
        } catch (SettingsException e) {
            errors.addAll(e.problems());
            settings = e.readAnyway().orElse(null);
        }
        Inventory inventory = null;
        InventoryFiles files = null;
        if (settings != null) {
            files = inventoryFiles(settings.inventory(), errors);
            try {
                Inventory loaded = settings.inventory().load(plugins);
                inventory = loaded.withSecrets(loaded.secrets().withEnvironment(environment::get));
            } catch (InventoryException e) {
                errors.addAll(e.problems());
            } catch (GenjaException | IllegalArgumentException e) {
                errors.add(Problem.of(e.getMessage()));
            }
            if (files != null) {
                files.all().forEach(read::add);
                errors.addAll(unknownConnectionPlugins(files, plugins));
            }
        }
        if (inventory != null) {
            WorkspaceCheck check = new WorkspaceCheck(inventory, plugins, files);
            errors.addAll(check.secretRefusals());
            try {
                ConnectionResolver resolver = ConnectionResolver.of(inventory, plugins, settings);
                errors.addAll(check.connectionProblems(resolver));
                warnings.addAll(check.warnings(resolver));
            } catch (SettingsException e) {
                errors.addAll(e.problems());
            }
        }
        if (catalog != null) {
            errors.addAll(catalogProblems(catalog, plugins));
        }
        return new CheckReport(errors, warnings, read);
    }

    /** The files of the built-in file inventory plugin, or {@code null} for another plugin or unusable options. */
    private static InventoryFiles inventoryFiles(InventorySettings settings, List<Problem> errors) {
        if (!settings.plugin().equals(FileInventoryPlugin.NAME)) {
            return null;
        }
        try {
            return FileInventoryPlugin.files(settings.options(), settings.baseDirectory());
        } catch (InventoryException e) {
            return null; // loading the inventory reports it
        }
    }

    /**
     * Every {@code connection_options} entry in the files, of hosts, groups and defaults alike, that names a
     * connection plugin {@code plugins} does not have: at run time its options would be silently ignored. Read from
     * the files themselves, so it is reported even when the inventory has other problems.
     */
    public static List<Problem> unknownConnectionPlugins(InventoryFiles files, PluginManager plugins) {
        List<Problem> problems = new ArrayList<>();
        InventoryLocator locator = new InventoryLocator(files);
        List<String> known = plugins.connectionPluginNames();
        Map<Path, Node> documents = locator.documents();
        files.all().forEach(file -> {
            if (!(documents.get(file) instanceof MapNode root)) {
                return;
            }
            Map<String, Node> entries = new LinkedHashMap<>();
            if (locator.isDefaults(file)) {
                entries.put("the defaults", root);
            } else {
                String kind = file.equals(files.hosts()) ? "host" : "group";
                root.entries().forEach(entry -> entries.putIfAbsent(kind + " \"" + entry.key().asText() + "\"",
                        entry.value()));
            }
            entries.forEach((where, entry) -> {
                for (MapNode.Entry option : connectionOptions(entry)) {
                    String name = option.key().asText();
                    if (!name.isBlank() && !known.contains(name)) {
                        problems.add(new Problem(file.toString(), option.key().line(), option.key().column(),
                                "connection_options of " + where + " are for connection plugin \"" + name
                                        + "\", which is not registered" + Suggestions.didYouMean(name, known)
                                        + " (registered: " + known(known) + "); no run would use them"));
                    }
                }
            });
        });
        return problems;
    }

    /** The entries of a host's, group's or the defaults' {@code connection_options} map, if it has one. */
    private static List<MapNode.Entry> connectionOptions(Node entry) {
        if (entry instanceof MapNode map) {
            for (MapNode.Entry field : map.entries()) {
                if (field.key().asText().equals("connection_options") && field.value() instanceof MapNode options) {
                    return options.entries();
                }
            }
        }
        return List.of();
    }

    /**
     * What each registered connection plugin finds wrong with the hosts' parameters without connecting (a bad
     * extra, an unknown platform, a {@code connection_plugin} naming no plugin), prefixed with the plugin's name. The parameters come from the resolver a run
     * uses: inventory, secrets, the plugin's settings section.
     */
    public List<Problem> connectionProblems(ConnectionResolver resolver) {
        Grouped grouped = new Grouped();
        for (String name : plugins.connectionPluginNames()) {
            for (Host host : inventory.hosts()) {
                try {
                    resolver.connectionPlugin(host.name(), name); // a connection_plugin naming no plugin
                } catch (ConnectionException wrong) {
                    String problem = wrong.getMessage().replaceFirst("^host " + Pattern.quote(host.name()) + ": ", "");
                    grouped.add(locator.locate(inventory, host.name(), name, name + ": " + problem), host.name());
                }
                for (String problem : resolver.validate(host.name(), name)) {
                    grouped.add(locator.locate(inventory, host.name(), name, name + ": " + problem), host.name());
                }
            }
        }
        return grouped.problems();
    }

    /**
     * Secret references refused wherever the run happens ({@code ${file:...}} outside the secrets directory, an
     * unknown scheme).
     */
    public List<Problem> secretRefusals() {
        Grouped grouped = new Grouped();
        for (Host host : inventory.hosts()) {
            for (String plugin : plugins.connectionPluginNames()) {
                for (String refusal : inventory.secrets().refusals(inventory.resolveConnection(host.name(), plugin))) {
                    grouped.add(locator.locate(inventory, host.name(), plugin, refusal), host.name());
                }
            }
        }
        return grouped.problems();
    }

    /**
     * What would fail hosts here but may be fine where the run happens: what the plugins note about their settings
     * sections (an {@code ssh.config_file} that does not exist), and secret references that cannot be resolved here.
     */
    public List<Problem> warnings(ConnectionResolver resolver) {
        List<Problem> warnings = new ArrayList<>();
        resolver.warnings().forEach(warning -> warnings.add(Problem.of(warning)));
        Grouped grouped = new Grouped();
        for (Host host : inventory.hosts()) {
            for (String plugin : plugins.connectionPluginNames()) {
                for (String problem : inventory.secrets().problems(inventory.resolveConnection(host.name(), plugin))) {
                    grouped.add(locator.locate(inventory, host.name(), plugin, problem), host.name());
                }
            }
        }
        warnings.addAll(grouped.problems());
        return warnings;
    }

    /** Every task's connection plugin and processors must be registered, and its sub-tasks in the catalog. */
    public static List<Problem> catalogProblems(TaskCatalog catalog, PluginManager plugins) {
        List<Problem> problems = new ArrayList<>();
        for (TaskDefinition task : catalog.all()) {
            String what = "task \"" + task.name() + "\" (" + task.taskClass().getName() + ")";
            task.connectionPluginName().filter(name -> plugins.findConnectionPlugin(name).isEmpty()).ifPresent(name ->
                    problems.add(Problem.of(what + " needs connection plugin \"" + name + "\", which is not registered;"
                            + " registered: " + known(plugins.connectionPluginNames()) + "."
                            + didYouMean(name, plugins.connectionPluginNames()))));
            for (String processor : task.processors()) {
                if (plugins.findProcessor(processor).isEmpty()) {
                    problems.add(Problem.of(what + " uses processor \"" + processor + "\", which is not registered;"
                            + " registered: " + known(plugins.processorNames()) + "."
                            + didYouMean(processor, plugins.processorNames())));
                }
            }
            for (String sub : task.subTasks()) {
                if (catalog.find(sub).isEmpty()) {
                    problems.add(Problem.of(what + " lists sub-task \"" + sub + "\", which is not in the task catalog;"
                            + " known tasks: " + known(catalog.names())));
                }
            }
        }
        return problems;
    }

    /** {@code " Did you mean \"x\"?"} to end a sentence with, or nothing. */
    private static String didYouMean(String typed, List<String> known) {
        return Suggestions.closest(typed, known).map(name -> " Did you mean \"" + name + "\"?").orElse("");
    }

    private static String known(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** Problems with the same place and message reported once, naming the hosts they apply to. */
    private static final class Grouped {
        private final Map<Problem, Set<String>> hostsByProblem = new LinkedHashMap<>();

        void add(Problem problem, String host) {
            hostsByProblem.computeIfAbsent(problem, p -> new LinkedHashSet<>()).add(host);
        }

        /** {@code message (3 hosts: r1, r2, s1)}, naming at most five hosts. */
        List<Problem> problems() {
            List<Problem> problems = new ArrayList<>();
            hostsByProblem.forEach((problem, hosts) -> problems.add(new Problem(problem.file(), problem.line(),
                    problem.column(), problem.message() + " (" + hosts.size() + (hosts.size() == 1 ? " host" : " hosts")
                    + ": " + hosts.stream().limit(5).collect(Collectors.joining(", "))
                    + (hosts.size() > 5 ? ", ..." : "") + ")")));
            return problems;
        }
    }
}
