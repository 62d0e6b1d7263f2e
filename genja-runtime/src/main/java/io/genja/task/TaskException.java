package io.genja.task;

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

    public FailureKind kind() {
        return kind;
    }

    /** Whether running the task again may succeed (connection refused, timeouts). */
    public boolean retryable() {
        return retryable;
    }
}
