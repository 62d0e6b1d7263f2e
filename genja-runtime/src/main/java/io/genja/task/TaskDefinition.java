package io.genja.task;

import java.util.List;
import java.util.Optional;

/**
 * Everything the runtime needs to know about a task class, without reflection. Implemented by the
 * {@code <Task>_GenjaAdapter} classes that the annotation processor generates, found through
 * {@link java.util.ServiceLoader} by {@link TaskCatalog}. The task objects it makes come back as a
 * {@link TaskInstance}: {@link TaskInstance.Blocking} for a {@link Task}, {@link TaskInstance.Async} for an
 * {@link AsyncTask}.
 */
public interface TaskDefinition {

    /** The task name from {@code @GenjaTask(name = ...)}. */
    String name();

    /** The connection plugin the task needs, if any. */
    Optional<String> connectionPluginName();

    /** Names of the processors whose hooks run around this task, in declared order. */
    List<String> processors();

    /** Names of the sub-tasks that run after this task on each host, in declared order. */
    List<String> subTasks();

    /** The task's {@code @TaskOption} fields. */
    List<TaskOptionSpec> options();

    /** One line describing the task; may be empty. */
    String description();

    /**
     * Whether the task declares, with {@code @GenjaTask(supportsDryRun = true)}, that it honours a dry run (changes
     * nothing when {@link TaskInfo#dryRun()} is true and reports what it would change). A dry run refuses a task
     * tree in which any task does not.
     */
    default boolean supportsDryRun() {
        return false;
    }

    /** The annotated class. */
    Class<?> taskClass();

    /**
     * A new object of the task class with {@code options} converted and assigned to its {@code @TaskOption} fields;
     * options that are not given leave the field's initial value alone. The runtime makes one per host and task.
     *
     * @throws TaskException of kind {@code VALIDATION} when a required option is missing or a value does not
     *     convert; the message names the option
     */
    TaskInstance newInstance(TaskOptions options) throws TaskException;

    /**
     * Like {@link #newInstance}, for a task object its caller made and configured itself (as
     * {@code Genja.run(Object)} receives it): converts {@code options}, assigns them to {@code task}'s
     * {@code @TaskOption} fields and returns {@code task}, ready to start. Nothing is assigned unless every option
     * converts.
     *
     * @throws ClassCastException when {@code task} is not an instance of {@link #taskClass()}
     * @throws TaskException of kind {@code VALIDATION}, as for {@link #newInstance}
     */
    TaskInstance bindOptions(Object task, TaskOptions options) throws TaskException;
}
