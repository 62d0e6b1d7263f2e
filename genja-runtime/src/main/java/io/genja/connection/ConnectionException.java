package io.genja.connection;

import io.genja.task.FailureKind;
import java.util.Objects;

/**
 * A connection could not be opened or a command could not run. The kind tells which:
 * {@code CONNECTION}, {@code AUTHENTICATION}, {@code TIMEOUT}, {@code COMMAND} or {@code UNSUPPORTED}.
 */
public class ConnectionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final boolean retryable;

    public ConnectionException(FailureKind kind, String message) {
        this(kind, message, null, false);
    }

    public ConnectionException(FailureKind kind, String message, Throwable cause) {
        this(kind, message, cause, false);
    }

    public ConnectionException(FailureKind kind, String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryable = retryable;
    }

    public FailureKind kind() {
        return kind;
    }

    /** Whether another attempt may succeed: connection refused, timeouts. */
    public boolean retryable() {
        return retryable;
    }
}
