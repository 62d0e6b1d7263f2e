package io.genja.task;

import java.util.Objects;

/**
 * A processor hook that threw. The run goes on; the error is kept on the run's {@link TaskResults#hookErrors()}.
 *
 * @param processor the processor's name
 * @param hook the hook that threw, for example {@code onHostFinish}
 * @param task the task the hook was called for
 * @param host the host the hook was called for, or {@code null} for {@code onTaskStart}/{@code onTaskFinish}
 * @param exceptionType the class name of what was thrown
 * @param message its message, or the simple class name when it had none
 */
public record HookError(String processor, String hook, String task, String host, String exceptionType,
                        String message) {

    public HookError {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(exceptionType, "exceptionType");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "processor \"" + processor + "\" " + hook + " for task \"" + task + "\""
                + (host == null ? "" : " on host " + host) + " threw " + exceptionType + ": " + message;
    }
}
