package io.genja.task;

import io.genja.connection.AsyncFailures;
import io.genja.connection.ConnectionException;
import java.util.Objects;

/**
 * Why a task failed on a host.
 *
 * @param kind what sort of failure it was
 * @param message what happened, readable by a network engineer
 * @param exceptionType the class name of the exception behind it, or {@code null}
 * @param retryable whether another attempt may succeed
 * @param details more context (a command's output, a stack trace), or {@code null}
 * @param beforeStart whether it happened before any task code ran on the host (opening the connection, or the
 *     time budget running out while connecting); set by the runtime, never by tasks
 */
public record TaskFailure(FailureKind kind, String message, String exceptionType, boolean retryable, String details,
                          boolean beforeStart) {

    public TaskFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** A failure of the task itself (not {@linkplain #beforeStart() before it started}). */
    public TaskFailure(FailureKind kind, String message, String exceptionType, boolean retryable, String details) {
        this(kind, message, exceptionType, retryable, details, false);
    }

    public static TaskFailure of(FailureKind kind, String message) {
        return new TaskFailure(kind, message, null, false, null);
    }

    /**
     * The failure a thrown exception stands for, the one rule for tasks and connections alike: a
     * {@link TaskException} or {@link ConnectionException} keeps its kind and retryability, anything else is
     * {@link FailureKind#EXTERNAL}. The wrappers futures put around an exception are looked through.
     */
    public static TaskFailure fromException(Throwable thrown) {
        Throwable exception = AsyncFailures.unwrap(thrown);
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        if (exception instanceof ConnectionException connection) {
            return new TaskFailure(connection.kind(), message, connection.getClass().getName(), connection.retryable(),
                    null);
        }
        if (exception instanceof TaskException task) {
            Throwable cause = task.getCause();
            return new TaskFailure(task.kind(), message,
                    cause == null ? TaskException.class.getName() : cause.getClass().getName(), task.retryable(), null);
        }
        return new TaskFailure(FailureKind.EXTERNAL, message, exception.getClass().getName(), false, null);
    }

    public TaskFailure withRetryable(boolean retryable) {
        return new TaskFailure(kind, message, exceptionType, retryable, details, beforeStart);
    }

    public TaskFailure withDetails(String details) {
        return new TaskFailure(kind, message, exceptionType, retryable, details, beforeStart);
    }

    /** A copy that says whether the failure happened before any task code ran on the host. */
    public TaskFailure withBeforeStart(boolean beforeStart) {
        return new TaskFailure(kind, message, exceptionType, retryable, details, beforeStart);
    }

    /**
     * Whether the host could not be reached: a connection, authentication or timeout failure before any task code
     * ran (as Ansible's "unreachable"). The same kinds once the task is running count as the task failing.
     */
    public boolean isUnreachable() {
        return beforeStart
                && (kind == FailureKind.CONNECTION || kind == FailureKind.AUTHENTICATION || kind == FailureKind.TIMEOUT);
    }
}
