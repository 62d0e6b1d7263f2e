package io.genja.runner;

import io.genja.inventory.Host;
import io.genja.task.HookError;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskResults;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the processors' hooks of one run and keeps what they throw: a hook's exception is recorded as a
 * {@link HookError} and never escapes into the run.
 */
final class Hooks {

    private static final Logger LOG = LoggerFactory.getLogger(Hooks.class);

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
        for (TaskProcessor processor : processors) {
            try {
                processor.onTaskStart(task, hosts);
            } catch (Throwable e) {
                record(processor, "onTaskStart", task, null, e);
            }
        }
    }

    void hostStart(TaskInfo task, Host host) {
        for (TaskProcessor processor : processors) {
            try {
                processor.onHostStart(task, host);
            } catch (Throwable e) {
                record(processor, "onHostStart", task, host, e);
            }
        }
    }

    /** Each processor may replace the result; the next one sees the replacement. */
    HostTaskResult hostFinish(TaskInfo task, Host host, HostTaskResult result) {
        HostTaskResult current = result;
        for (TaskProcessor processor : processors) {
            try {
                HostTaskResult replaced = processor.onHostFinish(task, host, current);
                if (replaced == null) {
                    record(processor, "onHostFinish", task, host,
                            new NullPointerException("onHostFinish returned null; the result was kept"));
                } else {
                    current = replaced;
                }
            } catch (Throwable e) {
                record(processor, "onHostFinish", task, host, e);
            }
        }
        return current;
    }

    void subTaskStart(List<TaskProcessor> subTaskProcessors, TaskInfo subTask, Host host) {
        for (TaskProcessor processor : subTaskProcessors) {
            try {
                processor.onSubTaskStart(subTask, host);
            } catch (Throwable e) {
                record(processor, "onSubTaskStart", subTask, host, e);
            }
        }
    }

    void subTaskFinish(List<TaskProcessor> subTaskProcessors, TaskInfo subTask, Host host, HostTaskResult result) {
        for (TaskProcessor processor : subTaskProcessors) {
            try {
                processor.onSubTaskFinish(subTask, host, result);
            } catch (Throwable e) {
                record(processor, "onSubTaskFinish", subTask, host, e);
            }
        }
    }

    void taskFinish(TaskInfo task, TaskResults results) {
        for (TaskProcessor processor : processors) {
            try {
                processor.onTaskFinish(task, results);
            } catch (Throwable e) {
                record(processor, "onTaskFinish", task, null, e);
            }
        }
    }

    List<HookError> errors() {
        return List.copyOf(errors);
    }

    private void record(TaskProcessor processor, String hook, TaskInfo task, Host host, Throwable e) {
        String name;
        try {
            name = processor.name();
        } catch (RuntimeException nameFailed) {
            name = processor.getClass().getName();
        }
        HookError error = new HookError(name, hook, task.name(), host == null ? null : host.name(),
                e.getClass().getName(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        errors.add(error);
        LOG.warn("{}", error);
    }
}
