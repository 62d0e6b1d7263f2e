package io.genja.task;

import io.genja.inventory.Host;
import io.genja.rollout.Batch;
import io.genja.rollout.BatchOutcome;
import java.util.List;

/**
 * Hooks that run around a task: for auditing, logging, metrics or rewriting results. Annotate the class with
 * {@link io.genja.annotations.GenjaProcessor} and name it in {@code @GenjaTask(processors = ...)}, or add an
 * instance with {@code RunOptions.processor(...)}.
 *
 * <p>Order: {@link #onTaskStart} once, before any host starts; then for each batch of the rollout
 * {@link #onBatchStart} before its first host starts and {@link #onBatchFinish} after its last host finished (a run
 * without batch sizes is one batch; batches a stopped rollout never starts get neither); per host
 * {@link #onHostStart}, the task,
 * {@link #onSubTaskStart} before each sub-task and {@link #onSubTaskFinish} after it and its own sub-tasks
 * (parent first, declared order), then {@link #onHostFinish}; {@link #onTaskFinish} once, after every host
 * finished. Sub-tasks that do not run (skipped) get no hooks, and neither do hosts skipped as failed earlier.
 * A host that runs out of its time budget still gets {@code onSubTaskFinish} for the sub-tasks that started and
 * {@code onHostFinish}, with {@code TIMEOUT} results.
 *
 * <p>Threads: hooks for one host are called one after another, each seeing what the previous ones did; hooks
 * for different hosts run at the same time on different threads, so a processor that keeps state must be
 * thread-safe. A hook that throws is recorded in {@code TaskResults.hookErrors()}; it does not discard the run
 * (unless {@code core.raise_on_error} is set: then the run throws after every host finished).
 */
public interface TaskProcessor {

    /** The name from {@code @GenjaProcessor(name = ...)}. */
    String name();

    default void onTaskStart(TaskInfo task, List<Host> hosts) {
    }

    /** A batch of the rollout starts: none of its hosts has started yet, every host of earlier batches finished. */
    default void onBatchStart(TaskInfo task, Batch batch) {
    }

    /**
     * Every host of {@code batch} finished (or was skipped because the rollout stopped during the batch);
     * {@code outcome} says which count as failed and whether the rollout stops here, and why.
     */
    default void onBatchFinish(TaskInfo task, Batch batch, BatchOutcome outcome) {
    }

    default void onHostStart(TaskInfo task, Host host) {
    }

    /**
     * Called when {@code host} has finished {@code task} and its sub-tasks; may return a different result to
     * replace the task's result (its duration is kept). Processors are called in order, each seeing the result the
     * previous one returned.
     */
    default HostTaskResult onHostFinish(TaskInfo task, Host host, HostTaskResult result) {
        return result;
    }

    /**
     * A task on {@code host} reports how far a long step is ({@link TaskRuntimeContext#progress}), e.g. the bytes
     * of a file copied so far; called on the host's thread, possibly for every chunk, so keep it cheap.
     */
    default void onHostProgress(TaskInfo task, Host host, TaskProgress progress) {
    }

    default void onSubTaskStart(TaskInfo subTask, Host host) {
    }

    default void onSubTaskFinish(TaskInfo subTask, Host host, HostTaskResult result) {
    }

    default void onTaskFinish(TaskInfo task, TaskResults results) {
    }
}
