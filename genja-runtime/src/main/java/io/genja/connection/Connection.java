package io.genja.connection;

import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.task.FailureKind;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One session with one host through one plugin. The runtime opens it before the first task that needs it,
 * reuses it across tasks and sub-tasks, reopens it when it is no longer {@linkplain #isAlive() alive}, and
 * closes it when the {@code Genja} closes. Implementations must be safe to close from another thread.
 */
public interface Connection {

    /** Opens the session with the resolved parameters of the host for this plugin. */
    void open(ResolvedConnectionParams params) throws ConnectionException;

    /**
     * Runs one command and returns its output.
     *
     * @throws ConnectionException of kind {@code UNSUPPORTED} unless the plugin runs commands
     */
    default String executeCommand(String command) throws ConnectionException {
        throw new ConnectionException(FailureKind.UNSUPPORTED,
                getClass().getName() + " does not run commands");
    }

    /**
     * The device's command line on this open session: commands with per-call options, privilege, configuration
     * changes. Empty (the default) when the plugin or the host's platform has no device CLI, for example a Linux
     * host in exec mode. The same object is returned while the session lives.
     */
    default Optional<DeviceCli> cli() {
        return Optional.empty();
    }

    /**
     * Copies files to and from the device over this open session with {@code protocol} (docs/file-transfer.md).
     * Empty (the default) when the plugin cannot copy files.
     */
    default Optional<FileTransfer> files(TransferProtocol protocol) {
        return Optional.empty();
    }

    /** Opens without blocking the caller; the default runs {@link #open} on the calling thread. */
    default CompletionStage<Void> openAsync(ResolvedConnectionParams params) {
        try {
            open(params);
            return CompletableFuture.completedFuture(null);
        } catch (ConnectionException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Runs a command without blocking the caller; the default runs {@link #executeCommand} on the calling thread. */
    default CompletionStage<String> executeCommandAsync(String command) {
        try {
            return CompletableFuture.completedFuture(executeCommand(command));
        } catch (ConnectionException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether the session is open and usable. */
    boolean isAlive();

    /** Closes the session; calling it again does nothing. Returns the connection's key. */
    ConnectionKey close();
}
