package io.genja.runner;

import io.genja.GenjaException;
import io.genja.RunOptions;
import io.genja.plugin.PluginManager;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskException;
import io.genja.task.TaskInfo;
import io.genja.task.TaskInstance;
import io.genja.task.TaskOptions;
import io.genja.task.TaskProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One node of a task tree, checked before any host is touched: its definition, options bound, plugin and
 * processors resolved, and its sub-tasks planned in declared order.
 *
 * @param options the run's task options, as given
 * @param newTask creates the task object for one host, with options bound (the same object on every host when
 *     the caller gave one)
 */
public record TaskPlan(TaskDefinition definition, TaskInfo info, TaskOptions options, Supplier<TaskInstance> newTask,
                       List<TaskProcessor> processors, List<TaskPlan> subTasks) {

    /**
     * Plans {@code definition} and its sub-tasks.
     *
     * @param instance a task object to use on every host, or {@code null} to create one per host
     * @throws GenjaException when a sub-task, plugin or processor is unknown or an option is missing or invalid
     */
    public static TaskPlan of(TaskDefinition definition, Object instance, RunOptions options, TaskCatalog catalog,
                              PluginManager plugins) {
        int maxDepth = options.maxDepth().orElse(Integer.MAX_VALUE);
        return plan(definition, instance, options, catalog, plugins, 0, maxDepth, new ArrayList<>());
    }

    private static TaskPlan plan(TaskDefinition definition, Object instance, RunOptions options, TaskCatalog catalog,
                                 PluginManager plugins, int depth, int maxDepth, List<String> path) {
        if (path.contains(definition.name())) {
            throw new GenjaException("sub-task cycle: " + String.join(" -> ", path) + " -> " + definition.name());
        }
        definition.connectionPluginName().ifPresent(plugins::connectionPlugin);
        List<TaskProcessor> processors = definition.processors().stream().map(plugins::processor).toList();
        TaskOptions taskOptions = options.options();
        TaskInstance planned = instance(definition, instance, taskOptions);
        Supplier<TaskInstance> newTask = instance != null ? () -> planned : () -> {
            try {
                return definition.newInstance(taskOptions);
            } catch (TaskException e) {
                throw new IllegalStateException("options bound during planning no longer bind", e);
            }
        };
        List<TaskPlan> subTasks = new ArrayList<>();
        if (depth < maxDepth) {
            path.add(definition.name());
            for (String name : definition.subTasks()) {
                TaskDefinition sub = catalog.find(name).orElseThrow(() -> new GenjaException("task \""
                        + definition.name() + "\" lists sub-task \"" + name + "\", which is not in the task catalog; "
                        + "known tasks: " + String.join(", ", catalog.names())));
                subTasks.add(plan(sub, null, options, catalog, plugins, depth + 1, maxDepth, path));
            }
            path.remove(path.size() - 1);
        }
        TaskInfo info = new TaskInfo(definition.name(), definition.connectionPluginName().orElse(null), depth,
                maxDepth, options.dryRun());
        return new TaskPlan(definition, info, taskOptions, newTask, List.copyOf(processors), List.copyOf(subTasks));
    }

    /** Binds the options once while planning, so a missing or invalid one fails before any host is touched. */
    private static TaskInstance instance(TaskDefinition definition, Object instance, TaskOptions options) {
        try {
            return instance != null ? definition.bindOptions(instance, options) : definition.newInstance(options);
        } catch (TaskException e) {
            String named = "task \"" + definition.name() + "\"";
            // a missing option's message already names the task; an invalid value's does not
            throw new GenjaException(e.getMessage().startsWith(named) ? e.getMessage() : named + ": " + e.getMessage(),
                    e);
        }
    }
}
