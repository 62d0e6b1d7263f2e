package io.genja.task;

import io.genja.inventory.Host;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Everything the runtime needs to know about a task class, without reflection. Implemented by the
 * {@code <Task>_GenjaAdapter} classes that the annotation processor generates, found through
 * {@link java.util.ServiceLoader} by {@link TaskCatalog}.
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

    /** The annotated class. */
    Class<?> taskClass();

    /** A new instance of the task class. */
    Object newTask();

    /**
     * Converts {@code options} and assigns them to the task's {@code @TaskOption} fields. Options that are not
     * given leave the field's initial value alone.
     *
     * @throws TaskException of kind {@code VALIDATION} when a required option is missing or a value does not
     *     convert; the message names the option
     */
    void bindOptions(Object task, TaskOptions options) throws TaskException;

    /** Whether the class implements {@link AsyncTask} (else {@link Task}). */
    boolean isAsync();

    /** Calls {@link Task#start}; only for tasks that are not {@linkplain #isAsync() async}. */
    HostTaskResult start(Object task, Host host, TaskRuntimeContext context) throws Exception;

    /** Calls {@link AsyncTask#startAsync}; only for {@linkplain #isAsync() async} tasks. */
    CompletionStage<HostTaskResult> startAsync(Object task, Host host, TaskRuntimeContext context);
}
