package io.genja.task;

import io.genja.connection.ConnectionException;
import java.util.Objects;

/** A task's failure with its {@link FailureKind}; thrown by tasks and by {@link TaskRuntimeContext}. */
public final class TaskException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final boolean retryable;

    public TaskException(FailureKind kind, String message) {
        this(kind, message, null, false);
    }

    public TaskException(FailureKind kind, String message, Throwable cause) {
        this(kind, message, cause, false);
    }

    public TaskException(FailureKind kind, String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryable = retryable;
    }

    /**
     * A connection's failure as the task's: the same kind, message and retryability, the connection's exception as
     * the cause. How {@link TaskRuntimeContext#executeCommand} reports what the connection threw.
     */
    public static TaskException of(ConnectionException failure) {
        return new TaskException(failure.kind(), failure.getMessage(), failure, failure.retryable());
    }

    public FailureKind kind() {
        return kind;
    }

    /** Whether running the task again may succeed (connection refused, timeouts). */
    public boolean retryable() {
        return retryable;
    }
}
