package io.genja;

import io.genja.internal.engine.ConnectionManager;
import io.genja.internal.engine.Run;
import io.genja.internal.engine.RunSpec;
import io.genja.internal.engine.TaskPlan;
import io.genja.internal.engine.ThrottleSlots;
import io.genja.document.Suggestions;
import io.genja.inventory.Filter;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.rollout.Rollout;
import io.genja.runner.Runner;
import io.genja.runner.RunnerContext;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.Settings;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskResults;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The entry point: an inventory, settings and plugins, ready to run tasks. Open connections are kept for the runs
 * that follow, closed when no run has used them for the {@linkplain Builder#connectionIdleTimeout idle timeout}, and
 * at the latest by {@link #close()}.
 *
 * <pre>{@code
 * try (Genja genja = Genja.builder(inventory).build()) {
 *     TaskResults results = genja.filter(Filter.group("core")).run("backup_config");
 * }
 * }</pre>
 */
public final class Genja implements AutoCloseable {

    private final Shared shared;
    private final Filter filter;

    private Genja(Shared shared, Filter filter) {
        this.shared = shared;
        this.filter = filter;
    }

    public static Builder builder(Inventory inventory) {
        return new Builder(inventory);
    }

    /**
     * A {@code Genja} as a settings file describes it: the settings, the inventory that {@code inventory.plugin}
     * loads (changed by {@code inventory.transform_function}, if set) and every plugin
     * {@link PluginManager#discover()} finds.
     *
     * @throws io.genja.settings.SettingsException for every problem of the settings file
     * @throws io.genja.inventory.InventoryException for every problem of the inventory
     */
    public static Genja fromSettings(Path configFile) {
        PluginManager plugins = PluginManager.discover();
        Settings settings = Settings.load(configFile, System.getenv(), plugins);
        return builder(settings.inventory().load(plugins)).settings(settings).plugins(plugins).build();
    }

    /** A view of the same inventory, plugins and connections restricted to the hosts {@code filter} selects. */
    public Genja filter(Filter filter) {
        return new Genja(shared, this.filter.and(Objects.requireNonNull(filter, "filter")));
    }

    /** The hosts this {@code Genja} runs on, in inventory order. */
    public List<Host> hosts() {
        return shared.inventory.hosts().stream().filter(filter::test).toList();
    }

    public Inventory inventory() {
        return shared.inventory;
    }

    public Settings settings() {
        return shared.settings;
    }

    public PluginManager plugins() {
        return shared.plugins;
    }

    public TaskCatalog catalog() {
        return shared.catalog;
    }

    /** Runs the task called {@code name} from the task catalog. */
    public TaskResults run(String name) {
        return run(name, RunOptions.defaults());
    }

    public TaskResults run(String name, RunOptions options) {
        TaskDefinition definition = shared.catalog.find(name).orElseThrow(() -> new GenjaException(
                "no task \"" + name + "\" in the task catalog; known tasks: "
                        + (shared.catalog.names().isEmpty() ? "none" : String.join(", ", shared.catalog.names()))));
        return run(definition, options);
    }

    /** Runs the {@code @GenjaTask} class {@code taskClass}. */
    public TaskResults run(Class<?> taskClass) {
        return run(taskClass, RunOptions.defaults());
    }

    public TaskResults run(Class<?> taskClass, RunOptions options) {
        return run(definitionOf(taskClass), options);
    }

    /** Runs this task object on every host, as it is configured (options given in {@code RunOptions} are bound). */
    public TaskResults run(Object task) {
        return run(task, RunOptions.defaults());
    }

    public TaskResults run(Object task, RunOptions options) {
        if (task instanceof TaskDefinition definition) {
            return run(definition, options);
        }
        if (task instanceof String name) {
            return run(name, options);
        }
        if (task instanceof Class<?> taskClass) {
            return run(taskClass, options);
        }
        TaskDefinition definition = definitionOf(task.getClass());
        return execute(definition, task, options);
    }

    /**
     * Plans {@code definition} (failing before any host is touched) and runs it on every selected host with the
     * runner the options or settings name; see {@code docs/runners.md}. Every selected host gets exactly one result
     * per task node. Hosts that fail are added to {@link #failedHosts()}.
     *
     * @throws GenjaException when a task, sub-task, plugin, processor or runner is unknown or an option is invalid
     * @throws RunFailedException when {@code core.raise_on_error} is set and a host failed or a processor hook threw
     *     (after every host finished; the exception carries the results)
     * @throws IllegalStateException when this {@code Genja} is closed
     */
    public TaskResults run(TaskDefinition definition, RunOptions options) {
        return execute(definition, null, options);
    }

    /** Plans the task tree (failing before any host is touched), runs it, and applies {@code core.raise_on_error}. */
    private TaskResults execute(TaskDefinition definition, Object task, RunOptions options) {
        if (shared.closed.get()) {
            throw new IllegalStateException("this Genja is closed; build a new one to run task \""
                    + definition.name() + "\"");
        }
        // runner.max_task_depth limits sub-task nesting unless the options set their own limit
        int maxDepth = options.maxDepth().orElse(Optional.ofNullable(shared.settings.runner().maxTaskDepth())
                .orElse(Integer.MAX_VALUE));
        TaskPlan plan = TaskPlan.of(definition, task, options.options(), maxDepth, options.dryRun(), shared.catalog,
                shared.plugins);
        List<Host> hosts = hosts();
        RunSpec spec = spec(options, hosts.size());
        TaskResults results;
        shared.connections.runStarted();
        try {
            results = Run.run(plan, hosts, spec, shared.connections, shared.failedHosts);
        } finally {
            shared.connections.runFinished();
        }
        if (shared.settings.raiseOnError() && (results.anyFailed() || !results.hookErrors().isEmpty())) {
            throw new RunFailedException(results);
        }
        return results;
    }

    /**
     * What the engine needs of {@code options} and the settings: the runner found by name, budgets, retries, the
     * rollout.
     */
    private RunSpec spec(RunOptions options, int hostCount) {
        String name = options.runner().orElse(shared.settings.runnerPlugin());
        List<String> known = shared.plugins.runnerNames();
        Runner runner = shared.plugins.findRunner(name).orElseThrow(() -> new GenjaException("unknown runner \""
                + name + "\"; known runners: " + String.join(", ", known) + Suggestions.didYouMean(name, known)
                + " (chosen by RunOptions.runner(...), genja run --runner, or runner.plugin in the settings)"));
        RunnerContext context = new RunnerContext(hostCount, options.workers().orElse(shared.settings.workerCount()),
                options.workers().isPresent(), shared.settings.runner().options());
        // the run's rollout knobs first, then the settings' rollout section; throttles must name something real
        Rollout rollout = options.rollout().orElse(shared.settings.rollout());
        ThrottleSlots.check(rollout.throttles(), shared.inventory);
        return new RunSpec(runner, context, options.processors(), options.timeout().orElse(null), options.retries(),
                options.retryBackoff(), options.skipSubTasksOnFailure(), options.skipFailedHosts(), rollout,
                shared.settings.parsingTemplatesDir().orElse(null));
    }

    /**
     * The hosts that failed a task (or a sub-task) in an earlier run of this {@code Genja} or any view of it, in
     * inventory order. A later run covers them again unless it asks {@link RunOptions#skipFailedHosts(boolean)};
     * a host stays here until {@link #recoverHost} or {@link #resetFailedHosts} even if it passes a later run.
     */
    public Set<String> failedHosts() {
        Set<String> ordered = new LinkedHashSet<>();
        for (Host host : shared.inventory.hosts()) {
            if (shared.failedHosts.contains(host.name())) {
                ordered.add(host.name());
            }
        }
        return Collections.unmodifiableSet(ordered);
    }

    /** Forgets that {@code host} failed; true if it was remembered as failed. */
    public boolean recoverHost(String host) {
        return shared.failedHosts.remove(Objects.requireNonNull(host, "host"));
    }

    /** Forgets every failed host. */
    public void resetFailedHosts() {
        shared.failedHosts.clear();
    }

    private TaskDefinition definitionOf(Class<?> taskClass) {
        return shared.catalog.find(taskClass).orElseThrow(() -> new GenjaException(taskClass.getName()
                + " is not in the task catalog: annotate it with @GenjaTask and compile it with genja-processor "
                + "on the annotation processor path"));
    }

    /**
     * Closes every connection this {@code Genja} (and every filtered view of it) opened, each exactly once, then
     * the connection plugins that created them. Later runs fail; calling it again does nothing.
     */
    @Override
    public void close() {
        if (shared.closed.compareAndSet(false, true)) {
            shared.connections.closeAll();
        }
    }

    /** What a {@code Genja} and its filtered views share. */
    private static final class Shared {
        final Inventory inventory;
        final Settings settings;
        final PluginManager plugins;
        final TaskCatalog catalog;
        final ConnectionManager connections;
        final Set<String> failedHosts = ConcurrentHashMap.newKeySet();
        final AtomicBoolean closed = new AtomicBoolean();

        Shared(Inventory inventory, Settings settings, PluginManager plugins, TaskCatalog catalog,
               Duration connectionIdleTimeout) {
            this.inventory = inventory;
            this.settings = settings;
            this.plugins = plugins;
            this.catalog = catalog;
            this.connections = new ConnectionManager(plugins, ConnectionResolver.of(inventory, plugins, settings),
                    connectionIdleTimeout);
        }
    }

    /** Builds a {@link Genja}; without {@link #plugins} it discovers them, without {@link #catalog} it loads it. */
    public static final class Builder {
        private static final Duration DEFAULT_CONNECTION_IDLE_TIMEOUT = Duration.ofSeconds(30);
        private final Inventory inventory;
        private Settings settings = Settings.defaults();
        private PluginManager plugins;
        private TaskCatalog catalog;
        private Duration connectionIdleTimeout = DEFAULT_CONNECTION_IDLE_TIMEOUT;

        private Builder(Inventory inventory) {
            this.inventory = Objects.requireNonNull(inventory, "inventory");
        }

        public Builder settings(Settings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder plugins(PluginManager plugins) {
            this.plugins = Objects.requireNonNull(plugins, "plugins");
            return this;
        }

        public Builder catalog(TaskCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * How long connections that no run uses stay open (default 30 s, as Ansible's
         * {@code persistent_connect_timeout}): runs in between reuse them; after that they close and a later run
         * opens them again. {@link Duration#ZERO} closes each host's connections as soon as its task tree has
         * finished, for a {@code Genja} that runs one task (the {@code genja} command does this); {@code null}
         * keeps them until {@link Genja#close()}.
         */
        public Builder connectionIdleTimeout(Duration idleTimeout) {
            if (idleTimeout != null && idleTimeout.isNegative()) {
                throw new IllegalArgumentException("connectionIdleTimeout must not be negative, not " + idleTimeout);
            }
            this.connectionIdleTimeout = idleTimeout;
            return this;
        }

        public Genja build() {
            return new Genja(new Shared(inventory, settings,
                    plugins != null ? plugins : PluginManager.discover(),
                    catalog != null ? catalog : TaskCatalog.load(), connectionIdleTimeout), Filter.all());
        }
    }
}
