package io.genja.task;

import io.genja.connection.Connection;
import io.genja.inventory.Host;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What a task sees of the run while it works on one host. Created per task execution per host. */
public interface TaskRuntimeContext {

    /** The task being run: its name, plugin, depth in the task tree and whether this is a dry run. */
    TaskInfo task();

    /** The host the task runs on. */
    Host host();

    /** The host's open connection; present if and only if the task declares a connection plugin. */
    Optional<Connection> connection();

    /**
     * Runs {@code command} through {@link #connection()} and returns its output.
     *
     * @throws TaskException of kind {@code UNSUPPORTED} when the task declares no connection plugin, else
     *     the kind the connection reported ({@code COMMAND}, {@code TIMEOUT}, {@code CONNECTION}, ...)
     */
    String executeCommand(String command) throws TaskException;

    /** The asynchronous form of {@link #executeCommand(String)}; fails with a {@link TaskException}. */
    CompletionStage<String> executeCommandAsync(String command);

    /** The run's task options, as given ({@code -o key=value} or {@code RunOptions}). */
    TaskOptions options();
}
