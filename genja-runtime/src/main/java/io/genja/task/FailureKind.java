package io.genja.task;

/** Why a host failed. {@link #CONNECTION}, {@link #AUTHENTICATION} and {@link #TIMEOUT} before the task
 * started make a host <em>unreachable</em>; the others mean the task itself failed. */
public enum FailureKind {
    /** The host could not be reached, or the connection broke. */
    CONNECTION,
    /** The host refused the credentials. */
    AUTHENTICATION,
    /** A time budget ran out: connect, authentication, a command, or the host's whole task tree. */
    TIMEOUT,
    /** A command ran and reported an error (for example {@code % Invalid input detected}). */
    COMMAND,
    /** Input was wrong: a task option, an inventory value, a command argument. */
    VALIDATION,
    /** The operation is not available here, for example a command on a task without a connection. */
    UNSUPPORTED,
    /** A defect in Genja or a plugin. */
    INTERNAL,
    /** The task threw an exception that is not a {@link TaskException}. */
    EXTERNAL,
    /**
     * The run was interrupted (Ctrl-C in {@code genja run}, or the thread calling {@code run} was interrupted)
     * before the task finished on the host; the message says whether it had started.
     */
    INTERRUPTED
}
