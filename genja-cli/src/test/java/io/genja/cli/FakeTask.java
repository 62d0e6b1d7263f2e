package io.genja.cli;

import io.genja.inventory.Host;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskException;
import io.genja.task.TaskInstance;
import io.genja.task.TaskOptionSpec;
import io.genja.task.TaskOptions;
import io.genja.task.TaskRuntimeContext;
import java.util.List;
import java.util.Optional;

/**
 * A task definition written by hand, standing in for a generated adapter: the CLI only sees
 * {@link TaskDefinition}, so its tests need no annotation processing.
 */
record FakeTask(String name, String plugin, List<String> processors, List<String> subTasks,
                List<TaskOptionSpec> options, Body body, boolean broken, boolean supportsDryRun) implements TaskDefinition {

    /** What the task does on one host. */
    interface Body {
        HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception;
    }

    static FakeTask of(String name, Body body) {
        return new FakeTask(name, null, List.of(), List.of(), List.of(), body, false, false);
    }

    FakeTask withPlugin(String plugin) {
        return new FakeTask(name, plugin, processors, subTasks, options, body, broken, supportsDryRun);
    }

    FakeTask withProcessors(String... names) {
        return new FakeTask(name, plugin, List.of(names), subTasks, options, body, broken, supportsDryRun);
    }

    FakeTask withSubTasks(String... names) {
        return new FakeTask(name, plugin, processors, List.of(names), options, body, broken, supportsDryRun);
    }

    FakeTask withOption(String option, boolean required) {
        List<TaskOptionSpec> more = new java.util.ArrayList<>(options);
        more.add(new TaskOptionSpec(option, "java.lang.String", required, "the " + option));
        return new FakeTask(name, plugin, processors, subTasks, List.copyOf(more), body, broken, supportsDryRun);
    }

    /** A task that declares dry-run support. */
    FakeTask declaringDryRun() {
        return new FakeTask(name, plugin, processors, subTasks, options, body, broken, true);
    }

    /** A task whose class cannot be instantiated: a bug in the task, not bad input. */
    FakeTask thatCannotBeInstantiated() {
        return new FakeTask(name, plugin, processors, subTasks, options, body, true, supportsDryRun);
    }

    @Override
    public Optional<String> connectionPluginName() {
        return Optional.ofNullable(plugin);
    }

    @Override
    public String description() {
        return "The " + name + " task.";
    }

    @Override
    public Class<?> taskClass() {
        return FakeTask.class;
    }

    @Override
    public TaskInstance newInstance(TaskOptions given) throws TaskException {
        if (broken) {
            throw new IllegalStateException("cannot instantiate task " + name);
        }
        for (TaskOptionSpec option : options) {
            if (option.required() && !given.has(option.name())) {
                throw new TaskException(FailureKind.VALIDATION, "missing required option \"" + option.name() + "\"");
            }
        }
        return new TaskInstance.Blocking(body::start);
    }

    @Override
    public TaskInstance bindOptions(Object task, TaskOptions given) throws TaskException {
        return newInstance(given);
    }
}
