package io.genja.task;

import io.genja.inventory.Host;
import java.util.List;

/**
 * Hooks that run around a task: for auditing, logging, metrics or rewriting results. Annotate the class with
 * {@link io.genja.annotations.GenjaProcessor} and name it in {@code @GenjaTask(processors = ...)}.
 *
 * <p>Order: {@link #onTaskStart} before any host; per host {@link #onHostStart}, the task,
 * {@link #onSubTaskStart}/{@link #onSubTaskFinish} around each sub-task, {@link #onHostFinish}; then
 * {@link #onTaskFinish} after all hosts. Host hooks are called from many threads at once. A hook that throws
 * is recorded on the result; it does not discard the run.
 */
public interface TaskProcessor {

    /** The name from {@code @GenjaProcessor(name = ...)}. */
    String name();

    default void onTaskStart(TaskInfo task, List<Host> hosts) {
    }

    default void onHostStart(TaskInfo task, Host host) {
    }

    /** Called when {@code host} has finished {@code task}; may return a different result to replace it. */
    default HostTaskResult onHostFinish(TaskInfo task, Host host, HostTaskResult result) {
        return result;
    }

    default void onSubTaskStart(TaskInfo subTask, Host host) {
    }

    default void onSubTaskFinish(TaskInfo subTask, Host host, HostTaskResult result) {
    }

    default void onTaskFinish(TaskInfo task, TaskResults results) {
    }
}
