package io.genja.internal.engine;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.connection.AsyncFailures;
import io.genja.connection.DeviceCli;
import io.genja.inventory.Host;
import io.genja.task.FailureKind;
import io.genja.task.OutputParser;
import io.genja.task.TaskException;
import io.genja.task.TaskInfo;
import io.genja.task.TaskOptions;
import io.genja.task.TaskProgress;
import io.genja.task.TaskRuntimeContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The {@link TaskRuntimeContext} of one task on one host. */
final class HostContext implements TaskRuntimeContext {

    private final TaskInfo task;
    private final Host host;
    private final Connection connection;
    private final TaskOptions options;
    private final Hooks hooks;
    /** The settings' {@code parsing.templates_dir}, or {@code null}. */
    private final Path parsingTemplatesDir;

    HostContext(TaskInfo task, Host host, Connection connection, TaskOptions options, Hooks hooks,
                Path parsingTemplatesDir) {
        this.task = task;
        this.host = host;
        this.connection = connection;
        this.options = options;
        this.hooks = hooks;
        this.parsingTemplatesDir = parsingTemplatesDir;
    }

    @Override
    public TaskInfo task() {
        return task;
    }

    @Override
    public Host host() {
        return host;
    }

    @Override
    public Optional<Connection> connection() {
        return Optional.ofNullable(connection);
    }

    @Override
    public String executeCommand(String command) throws TaskException {
        try {
            return requireConnection().executeCommand(command);
        } catch (ConnectionException e) {
            throw TaskException.of(e);
        }
    }

    @Override
    public CompletionStage<String> executeCommandAsync(String command) {
        Connection open;
        try {
            open = requireConnection();
        } catch (TaskException e) {
            return CompletableFuture.failedFuture(e);
        }
        return open.executeCommandAsync(command).handle((output, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(output);
            }
            Throwable cause = AsyncFailures.unwrap(error);
            if (cause instanceof ConnectionException c) {
                return CompletableFuture.<String>failedFuture(TaskException.of(c));
            }
            return CompletableFuture.<String>failedFuture(cause);
        }).thenCompose(stage -> stage);
    }

    @Override
    public DeviceCli cli() throws TaskException {
        Connection open = requireConnection();
        return open.cli().orElseThrow(() -> new TaskException(FailureKind.UNSUPPORTED, "the connection to "
                + host.name() + " (platform " + host.platform() + ") has no device CLI for task \"" + task.name()
                + "\" (see docs/changes.md for the platforms and modes that have one)"));
    }

    @Override
    public void progress(TaskProgress progress) {
        hooks.hostProgress(task, host, progress);
    }

    @Override
    public List<Map<String, Object>> parse(String command, String output) throws TaskException {
        return OutputParser.find().parse(host.platform(), command, output, parsingTemplatesDir);
    }

    @Override
    public TaskOptions options() {
        return options;
    }

    private Connection requireConnection() throws TaskException {
        if (connection == null) {
            throw new TaskException(FailureKind.UNSUPPORTED, "task \"" + task.name()
                    + "\" declares no connection plugin, so it cannot run commands on " + host.name()
                    + "; set @GenjaTask(connectionPluginName = \"ssh\")");
        }
        return connection;
    }
}
