package io.genja.internal.engine;

import io.genja.inventory.Host;
import io.genja.rollout.Batch;
import io.genja.rollout.BatchOutcome;
import io.genja.task.HookError;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskProgress;
import io.genja.task.TaskResults;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the processors' hooks of one run, each through {@link #call}: a hook's exception is recorded as a
 * {@link HookError} and never escapes into the run.
 */
final class Hooks {

    private static final Logger LOG = LoggerFactory.getLogger(Hooks.class);

    /** One hook of one processor. */
    private interface Hook<T> {
        T call(TaskProcessor processor) throws Exception;
    }

    /** The processors of the task that was run, then those {@code RunOptions} added. */
    private final List<TaskProcessor> processors;
    private final Queue<HookError> errors = new ConcurrentLinkedQueue<>();

    Hooks(List<TaskProcessor> processors) {
        this.processors = processors;
    }

    List<TaskProcessor> processors() {
        return processors;
    }

    void taskStart(TaskInfo task, List<Host> hosts) {
        callEach(processors, "onTaskStart", task, null, p -> {
            p.onTaskStart(task, hosts);
            return null;
        });
    }

    void batchStart(TaskInfo task, Batch batch) {
        callEach(processors, "onBatchStart", task, null, p -> {
            p.onBatchStart(task, batch);
            return null;
        });
    }

    void batchFinish(TaskInfo task, Batch batch, BatchOutcome outcome) {
        callEach(processors, "onBatchFinish", task, null, p -> {
            p.onBatchFinish(task, batch, outcome);
            return null;
        });
    }

    void hostStart(TaskInfo task, Host host) {
        callEach(processors, "onHostStart", task, host, p -> {
            p.onHostStart(task, host);
            return null;
        });
    }

    /** Each processor may replace the result; the next one sees the replacement. */
    HostTaskResult hostFinish(TaskInfo task, Host host, HostTaskResult result) {
        HostTaskResult current = result;
        for (TaskProcessor processor : processors) {
            HostTaskResult seen = current;
            HostTaskResult replaced = call(processor, "onHostFinish", task, host, p -> {
                HostTaskResult returned = p.onHostFinish(task, host, seen);
                if (returned == null) {
                    throw new NullPointerException("onHostFinish returned null; the result was kept");
                }
                return returned;
            });
            if (replaced != null) {
                current = replaced;
            }
        }
        return current;
    }

    void hostProgress(TaskInfo task, Host host, TaskProgress progress) {
        callEach(processors, "onHostProgress", task, host, p -> {
            p.onHostProgress(task, host, progress);
            return null;
        });
    }

    void subTaskStart(List<TaskProcessor> subTaskProcessors, TaskInfo subTask, Host host) {
        callEach(subTaskProcessors, "onSubTaskStart", subTask, host, p -> {
            p.onSubTaskStart(subTask, host);
            return null;
        });
    }

    void subTaskFinish(List<TaskProcessor> subTaskProcessors, TaskInfo subTask, Host host, HostTaskResult result) {
        callEach(subTaskProcessors, "onSubTaskFinish", subTask, host, p -> {
            p.onSubTaskFinish(subTask, host, result);
            return null;
        });
    }

    void taskFinish(TaskInfo task, TaskResults results) {
        callEach(processors, "onTaskFinish", task, null, p -> {
            p.onTaskFinish(task, results);
            return null;
        });
    }

    List<HookError> errors() {
        return List.copyOf(errors);
    }

    private void callEach(List<TaskProcessor> each, String name, TaskInfo task, Host host, Hook<?> hook) {
        for (TaskProcessor processor : each) {
            call(processor, name, task, host, hook);
        }
    }

    /** The hook's value, or {@code null} after recording what it threw. */
    private <T> T call(TaskProcessor processor, String name, TaskInfo task, Host host, Hook<T> hook) {
        try {
            return hook.call(processor);
        } catch (Throwable e) {
            HookError error = new HookError(nameOf(processor), name, task.name(), host == null ? null : host.name(),
                    e.getClass().getName(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            errors.add(error);
            LOG.warn("{}", error);
            return null;
        }
    }

    private static String nameOf(TaskProcessor processor) {
        try {
            return processor.name();
        } catch (RuntimeException nameFailed) {
            return processor.getClass().getName();
        }
    }
}
