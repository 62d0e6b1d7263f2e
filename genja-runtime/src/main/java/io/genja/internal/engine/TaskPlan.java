package io.genja.internal.engine;

import io.genja.GenjaException;
import io.genja.inventory.Host;
import io.genja.plugin.PluginManager;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskException;
import io.genja.task.TaskInfo;
import io.genja.task.TaskInstance;
import io.genja.task.TaskOptions;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskRuntimeContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * One node of a task tree, checked before any host is touched: its definition, options bound, plugin and
 * processors resolved, and its sub-tasks planned in declared order.
 *
 * <p>The engine touches a {@link TaskDefinition}'s task objects only through {@link #bound} (create and bind)
 * and {@link #invoke} (start).
 *
 * @param options the run's task options, as given
 * @param instance the task every host uses, options bound, when the caller gave one; {@code null} to create one
 *     per host
 */
public record TaskPlan(TaskDefinition definition, TaskInfo info, TaskOptions options, TaskInstance instance,
                       List<TaskProcessor> processors, List<TaskPlan> subTasks) {

    /**
     * Plans {@code definition} and its sub-tasks.
     *
     * @param instance a task object to use on every host, or {@code null} to create one per host
     * @param options the run's task options, bound to every node
     * @param maxDepth the deepest sub-task level planned (0: the task alone)
     * @param dryRun whether the run is a dry run, as every node's {@code TaskInfo} tells its task
     * @throws GenjaException when a sub-task, plugin or processor is unknown or an option is missing or invalid,
     *     or when {@code dryRun} is set and a task of the tree does not declare dry-run support
     */
    public static TaskPlan of(TaskDefinition definition, Object instance, TaskOptions options, int maxDepth,
                              boolean dryRun, TaskCatalog catalog, PluginManager plugins) {
        TaskPlan plan = new Planner(options, maxDepth, dryRun, catalog, plugins).plan(definition, instance, 0);
        if (dryRun) {
            plan.refuseDryRunUnlessSupported();
        }
        return plan;
    }

    /**
     * Fails unless every task of this tree declares dry-run support: a task that ignored {@code TaskInfo.dryRun()}
     * would change devices during what the user believes is a preview.
     */
    private void refuseDryRunUnlessSupported() {
        Set<String> unsupported = new LinkedHashSet<>();
        collectWithoutDryRun(unsupported);
        if (!unsupported.isEmpty()) {
            String names = unsupported.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
            throw new GenjaException("dry run refused for task \"" + definition.name() + "\": "
                    + (unsupported.size() == 1 ? "task " + names + " does" : "tasks " + names + " do")
                    + " not declare @GenjaTask(supportsDryRun = true), so a dry run could change devices; no host"
                    + " was touched. Run without --dry-run (RunOptions.dryRun(false)), or make the task honour"
                    + " TaskInfo.dryRun() and declare supportsDryRun = true");
        }
    }

    private void collectWithoutDryRun(Set<String> unsupported) {
        if (!definition.supportsDryRun()) {
            unsupported.add(definition.name());
        }
        subTasks.forEach(sub -> sub.collectWithoutDryRun(unsupported));
    }

    /** Starts the task on {@code host}: a {@code Task} completes before this returns, an {@code AsyncTask} later. */
    CompletionStage<HostTaskResult> invoke(Host host, TaskRuntimeContext context) throws Exception {
        TaskInstance task = instance != null ? instance : definition.newInstance(options);
        if (task instanceof TaskInstance.Blocking blocking) {
            return CompletableFuture.completedFuture(blocking.task().start(host, context));
        }
        return ((TaskInstance.Async) task).task().startAsync(host, context);
    }

    /** The task {@code instance} with options bound, or a new one when it is {@code null}. */
    private static TaskInstance bound(TaskDefinition definition, Object instance, TaskOptions options)
            throws TaskException {
        return instance != null ? definition.bindOptions(instance, options) : definition.newInstance(options);
    }

    /** Plans a tree: what every node shares, and the path from the root to detect sub-task cycles. */
    private record Planner(TaskOptions options, int maxDepth, boolean dryRun, TaskCatalog catalog,
                           PluginManager plugins, List<String> path) {

        Planner(TaskOptions options, int maxDepth, boolean dryRun, TaskCatalog catalog, PluginManager plugins) {
            this(options, maxDepth, dryRun, catalog, plugins, new ArrayList<>());
        }

        TaskPlan plan(TaskDefinition definition, Object instance, int depth) {
            if (path.contains(definition.name())) {
                throw new GenjaException("sub-task cycle: " + String.join(" -> ", path) + " -> " + definition.name());
            }
            definition.connectionPluginName().ifPresent(plugins::connectionPlugin);
            List<TaskProcessor> processors = definition.processors().stream().map(plugins::processor).toList();
            TaskInstance planned;
            try {
                planned = bound(definition, instance, options);
            } catch (TaskException e) {
                String named = "task \"" + definition.name() + "\"";
                // a missing option's message already names the task; an invalid value's does not
                throw new GenjaException(e.getMessage().startsWith(named) ? e.getMessage()
                        : named + ": " + e.getMessage(), e);
            }
            List<TaskPlan> subTasks = new ArrayList<>();
            if (depth < maxDepth) {
                path.add(definition.name());
                for (String name : definition.subTasks()) {
                    TaskDefinition sub = catalog.find(name).orElseThrow(() -> new GenjaException("task \""
                            + definition.name() + "\" lists sub-task \"" + name + "\", which is not in the task "
                            + "catalog; known tasks: " + String.join(", ", catalog.names())));
                    subTasks.add(plan(sub, null, depth + 1));
                }
                path.remove(path.size() - 1);
            }
            TaskInfo info = new TaskInfo(definition.name(), definition.connectionPluginName().orElse(null), depth,
                    maxDepth, dryRun);
            return new TaskPlan(definition, info, options, instance != null ? planned : null,
                    List.copyOf(processors), List.copyOf(subTasks));
        }
    }
}
