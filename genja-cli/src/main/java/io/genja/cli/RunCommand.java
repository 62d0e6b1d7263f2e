package io.genja.cli;

import io.genja.Genja;
import io.genja.RunFailedException;
import io.genja.RunOptions;
import io.genja.connection.ConnectionException;
import io.genja.document.Problem;
import io.genja.inventory.Filter;
import io.genja.inventory.Host;
import io.genja.plugin.PluginManager;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.LoggingSettings;
import io.genja.task.OptionConverters;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskException;
import io.genja.task.TaskOptionSpec;
import io.genja.task.TaskOptions;
import io.genja.task.TaskResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code genja run TASK}: runs a task on the selected hosts and prints a result per host. */
@Command(name = "run", description = "Runs a task on the selected hosts, then prints one result per host.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    GenjaCommand genja;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task name (see: genja tasks).")
    String task;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "A task option; repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--filter", paramLabel = "EXPR", description = "Only the hosts this filter selects.")
    String filter;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads (default: runner.worker_count).")
    Integer workers;

    @Option(names = "--runner", paramLabel = "NAME", completionCandidates = RunnerNames.class,
            description = "${COMPLETION-CANDIDATES} (default: runner.plugin).")
    String runner;

    @Option(names = "--dry-run", description = "Tasks report what they would change without changing it.")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time budget of each host's task tree: 30s, 2m, 500ms, PT1M.")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N", description = "Retries of retryable failures (default: 0).")
    int retries;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Mixin
    DiffOutput diff;

    @Mixin
    RolloutOptions rolloutOptions;

    @Mixin
    SelectionOptions selection;

    @Override
    @SuppressWarnings("try") // after Ctrl-C, Genja is closed before the report; closing it again is a no-op
    public Integer call() throws IOException {
        CliContext context = genja.context();
        TaskDefinition definition = findTask(context.catalog(), task);
        TaskOptions taskOptions = checkOptions(context.catalog(), definition, options);
        checkRunner(context.plugins(), runner);
        RunOptions runOptions = runOptions(taskOptions);
        Workspace workspace = Workspace.load(genja);
        checkOutputs(context, workspace);
        // Installed until the connections are closed (resources close in reverse order): see InterruptSignal.
        try (InterruptSignal ctrlC = InterruptSignal.install(context.err()); Genja all = workspace.open(context)) {
            if (all.hosts().isEmpty()) {
                String empty = "the inventory has no hosts; nothing to run on";
                throw new CliException(workspace.hostsFile().map(file -> context.display(
                        new Problem(file.toAbsolutePath().toString(), 0, 0, empty))).orElse(empty));
            }
            Genja filtered = filter == null ? all : all.filter(Filter.parse(filter));
            if (filtered.hosts().isEmpty()) {
                throw new CliException("the filter \"" + filter + "\" selects none of the "
                        + ResultTable.count(all.hosts().size(), "host"));
            }
            // may leave no host (nothing failed, or more shards than hosts): the run still reports and writes JSON
            SelectionOptions.Narrowed narrowed = selection.narrow(context, all, filtered);
            Genja selected = narrowed.hosts();
            checkPluginFiles(context, workspace, selected, definition);
            RunProgress progress = new RunProgress(context.out(), context.terminal());
            RolloutReport rollout = new RolloutReport(context.out());
            TaskResults results;
            try {
                results = ctrlC.during(() -> selected.run(definition, runOptions.processor(progress)
                        .processor(rollout)));
            } catch (RunFailedException e) {
                // core.raise_on_error: the run is over and complete; report it like any run with failures
                results = e.results();
            } finally {
                progress.finish();
            }
            if (ctrlC.interrupted()) {
                // The operator wants the run stopped: release the devices first, then report.
                all.close();
            }
            diff.print(results, context.out(), DiffOutput.colourFor(context));
            ResultTable.print(results, context.out(), context.terminal() ? Ansi.ON : Ansi.OFF);
            rollout.printSummary();
            if (json != null) {
                Files.writeString(context.resolve(json), ResultsFile.json(results, narrowed.record(results)));
            }
            if (ctrlC.interrupted()) {
                context.err().println(interruptedLine(results));
                return ExitStatus.INTERRUPTED;
            }
            return results.anyFailed() || !results.hookErrors().isEmpty() || rollout.stopped() ? ExitStatus.HOSTS_FAILED
                    : ExitStatus.OK;
        }
    }

    /** {@code genja: the run was interrupted (Ctrl-C): 20 of 200 hosts finished, 180 interrupted}. */
    static String interruptedLine(TaskResults results) {
        List<HostOutcome> outcomes = HostOutcome.of(results);
        long interrupted = ResultTable.interrupted(outcomes);
        return "genja: the run was interrupted (Ctrl-C): " + (outcomes.size() - interrupted) + " of "
                + ResultTable.count(outcomes.size(), "host") + " finished, " + interrupted + " interrupted";
    }

    /** Every file this run will write can be written: checked before any host is touched. */
    private void checkOutputs(CliContext context, Workspace workspace) {
        if (json != null) {
            OutputFiles.checkWritable(context.resolve(json), "--json file", false);
        }
        LoggingSettings logging = workspace.settings().logging();
        if (logging.enabled() && logging.logFile() != null) { // --debug writes to the file only when it is enabled
            OutputFiles.checkWritable(logging.logFile(), "logging.log_file", true);
        }
    }

    /**
     * The files the task tree's connection plugins may write for the selected hosts (a known_hosts file with
     * accept-new) can be written: checked before any host is touched, like {@link #checkOutputs}. A host whose
     * parameters cannot be resolved is left to fail on its own when it opens.
     */
    private static void checkPluginFiles(CliContext context, Workspace workspace, Genja selected,
                                         TaskDefinition definition) {
        PluginManager plugins = context.plugins();
        ConnectionResolver resolver = ConnectionResolver.of(workspace.inventory(), plugins, workspace.settings());
        Map<Path, String> files = new LinkedHashMap<>();
        for (String plugin : connectionPlugins(context.catalog(), definition, new LinkedHashSet<>())) {
            for (Host host : selected.hosts()) {
                try {
                    plugins.connectionPlugin(plugin).filesWritten(host.name(), resolver.resolve(host.name(), plugin))
                            .forEach(file -> files.putIfAbsent(file, "the " + plugin + " plugin's file"));
                } catch (ConnectionException unresolvable) {
                    // reported as that host's VALIDATION failure when it opens
                }
            }
        }
        files.forEach((file, what) -> OutputFiles.checkWritable(file, what, true));
    }

    /** The connection plugins of {@code definition} and its sub-tasks, each once. */
    private static Set<String> connectionPlugins(TaskCatalog catalog, TaskDefinition definition, Set<String> seen) {
        Set<String> plugins = new LinkedHashSet<>();
        if (seen.add(definition.name())) {
            definition.connectionPluginName().ifPresent(plugins::add);
            for (String sub : definition.subTasks()) {
                catalog.find(sub).ifPresent(subDefinition -> plugins.addAll(connectionPlugins(catalog, subDefinition,
                        seen)));
            }
        }
        return plugins;
    }

    private RunOptions runOptions(TaskOptions taskOptions) {
        RunOptions runOptions = RunOptions.defaults().options(taskOptions).dryRun(dryRun).retries(retries)
                .rollout(rolloutOptions.rollout());
        if (timeout != null) {
            runOptions = runOptions.timeout(timeout);
        }
        if (workers != null) {
            runOptions = runOptions.workers(workers);
        }
        if (runner != null) {
            runOptions = runOptions.runner(runner);
        }
        return runOptions;
    }

    /** The runners the registry knows, for the help text. */
    static final class RunnerNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return PluginManager.discover().runnerNames().iterator();
        }
    }

    /** {@code --runner} names a registered runner (null: the settings choose), else an error listing them. */
    static void checkRunner(PluginManager plugins, String name) {
        if (name != null && plugins.findRunner(name).isEmpty()) {
            List<String> known = plugins.runnerNames();
            throw new CliException("no runner \"" + name + "\"; known runners: " + String.join(", ", known) + "."
                    + Suggestions.didYouMean(name, known));
        }
    }

    /** The task called {@code name}, or an error that lists the known tasks. */
    static TaskDefinition findTask(TaskCatalog catalog, String name) {
        return catalog.find(name).orElseThrow(() -> new CliException("no task \"" + name + "\"; known tasks: "
                + (catalog.names().isEmpty() ? "none" : String.join(", ", catalog.names())) + "."
                + Suggestions.didYouMean(name, catalog.names())));
    }

    /**
     * The {@code -o} options as task options, after checking that the task (or one of its sub-tasks, which see
     * the same options) declares each of them: a typo must not be silently ignored.
     */
    static TaskOptions checkOptions(TaskCatalog catalog, TaskDefinition definition, Map<String, String> given) {
        Map<String, TaskOptionSpec> declared = new LinkedHashMap<>();
        collectOptions(catalog, definition, declared, new LinkedHashSet<>());
        List<String> problems = new ArrayList<>();
        for (String name : given.keySet()) {
            if (!declared.containsKey(name)) {
                problems.add("task \"" + definition.name() + "\" has no option \"" + name + "\"; "
                        + (declared.isEmpty() ? "it takes none." : "its options: "
                        + String.join(", ", declared.keySet()) + "." + Suggestions.didYouMean(name, declared.keySet())));
            }
        }
        if (problems.size() == 1) {
            throw new CliException(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new CliException(problems.size() + " unknown options:", problems);
        }
        return TaskOptions.of(given);
    }

    private static void collectOptions(TaskCatalog catalog, TaskDefinition definition,
                                       Map<String, TaskOptionSpec> into, Set<String> seen) {
        if (!seen.add(definition.name())) {
            return;
        }
        definition.options().forEach(option -> into.putIfAbsent(option.name(), option));
        for (String sub : definition.subTasks()) {
            catalog.find(sub).ifPresent(subDefinition -> collectOptions(catalog, subDefinition, into, seen));
        }
    }

    /** {@code --timeout}: the same durations task options accept. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration duration = OptionConverters.toDuration(value, "--timeout");
                if (duration.isZero() || duration.isNegative()) {
                    throw new TypeConversionException("--timeout must be positive, got " + value);
                }
                return duration;
            } catch (TaskException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
