package io.genja.task;

import io.genja.connection.Connection;
import io.genja.connection.DeviceCli;
import io.genja.connection.FileTransfer;
import io.genja.connection.TransferProtocol;
import io.genja.inventory.Host;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /**
     * The device's command line through {@link #connection()}: commands with timeouts, expected prompts and
     * answers, privilege, configuration changes (docs/changes.md). The default asks the connection.
     *
     * @throws TaskException of kind {@code UNSUPPORTED} when the task declares no connection plugin or its
     *     connection does not speak a device CLI (a Linux host in exec mode, a plugin without one)
     */
    default DeviceCli cli() throws TaskException {
        Connection open = connection().orElseThrow(() -> new TaskException(FailureKind.UNSUPPORTED,
                "task \"" + task().name() + "\" declares no connection plugin, so it has no device CLI on "
                        + host().name() + "; set @GenjaTask(connectionPluginName = \"ssh\")"));
        return open.cli().orElseThrow(() -> new TaskException(FailureKind.UNSUPPORTED,
                "the connection to " + host().name() + " (platform " + host().platform()
                        + ") has no device CLI (see docs/changes.md for the platforms and modes that have one)"));
    }

    /**
     * Copies files to and from the device through {@link #connection()} with {@code protocol}
     * (docs/file-transfer.md). The default asks the connection.
     *
     * @throws TaskException of kind {@code UNSUPPORTED} when the task declares no connection plugin or its
     *     connection cannot copy files
     */
    default FileTransfer files(TransferProtocol protocol) throws TaskException {
        Connection open = connection().orElseThrow(() -> new TaskException(FailureKind.UNSUPPORTED,
                "task \"" + task().name() + "\" declares no connection plugin, so it cannot copy files to "
                        + host().name() + "; set @GenjaTask(connectionPluginName = \"ssh\")"));
        return open.files(protocol).orElseThrow(() -> new TaskException(FailureKind.UNSUPPORTED,
                "the connection to " + host().name() + " cannot copy files by " + protocol
                        + " (see docs/file-transfer.md)"));
    }

    /**
     * Reports how far a long step is on this host (the bytes of a file copied so far), for processors'
     * {@link TaskProcessor#onHostProgress} hooks: the CLI shows it per host. Cheap enough to call for every chunk;
     * the default does nothing.
     */
    default void progress(TaskProgress progress) {
    }

    /**
     * Runs {@code command} ({@link #executeCommand(String)}) and parses its output by the host's platform: with
     * genja-textfsm, the TextFSM template an ntc-templates style index names for the platform and command
     * (docs/parsing.md). One map per record, from field name to value.
     *
     * @throws TaskException as {@link #executeCommand(String)}, or as {@link OutputParser#parse} when the output
     *     cannot be parsed ({@code UNSUPPORTED} when no template fits the platform and command)
     */
    default List<Map<String, Object>> parse(String command) throws TaskException {
        return parse(command, executeCommand(command));
    }

    /**
     * Parses {@code output}, which {@code command} printed on this host, as {@link #parse(String)} does, for output
     * the task got otherwise ({@link #cli()}, a file). The default finds templates through the
     * {@code GENJA_PARSING_TEMPLATES_DIR} variable; a run's context uses its settings' {@code parsing.templates_dir}.
     */
    default List<Map<String, Object>> parse(String command, String output) throws TaskException {
        String directory = System.getenv("GENJA_PARSING_TEMPLATES_DIR");
        return OutputParser.find().parse(host().platform(), command, output,
                directory == null || directory.isBlank() ? null : Path.of(directory));
    }

    /** The run's task options, as given ({@code -o key=value} or {@code RunOptions}). */
    TaskOptions options();
}
