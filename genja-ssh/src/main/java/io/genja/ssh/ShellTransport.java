package io.genja.ssh;

import io.genja.connection.ConnectionException;
import io.genja.device.CliRequest;
import io.genja.device.connection.DeviceCliAdapter;
import io.genja.device.session.CliTransport;
import io.genja.device.session.DeviceCliException;
import io.genja.task.FailureKind;
import java.util.concurrent.ExecutionException;

/**
 * genja-device's session logic over an SSH shell: each request goes through the connection's {@link ShellDriver}
 * (its queue, time limits and failures); a failure travels as the {@link ConnectionException} it is, wrapped for
 * the trip through the session logic and unwrapped by {@link DeviceCliAdapter}.
 */
final class ShellTransport implements CliTransport {

    /** The shell to use: the connection's own in shell mode, one opened for the CLI in exec mode. */
    interface ShellSource {
        ShellDriver shell() throws ConnectionException;
    }

    private final ShellSource source;
    private final String host;
    private volatile ShellDriver last;

    ShellTransport(ShellSource source, String host) {
        this.source = source;
        this.host = host;
    }

    @Override
    public String send(CliRequest request) throws DeviceCliException {
        try {
            ShellDriver shell = source.shell();
            last = shell;
            return shell.submit(request).get().stdout();
        } catch (ConnectionException e) {
            throw DeviceCliException.transport(e);
        } catch (ExecutionException e) {
            Throwable cause = Failures.root(e);
            throw DeviceCliException.transport(cause instanceof ConnectionException c ? c
                    : new ConnectionException(FailureKind.INTERNAL, host + ": unexpected failure: " + cause, cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ShellDriver shell = last;
            if (shell != null) {
                shell.close(); // the shell is in an unknown state; the runtime reopens the connection if needed
            }
            throw DeviceCliException.transport(new ConnectionException(FailureKind.TIMEOUT, host
                    + ": interrupted while waiting for " + request.label(), e, true));
        }
    }

    @Override
    public String lastPrompt() {
        ShellDriver shell = last;
        if (shell == null) {
            try {
                shell = source.shell();
                last = shell;
            } catch (ConnectionException e) {
                return null;
            }
        }
        return shell.lastPrompt();
    }
}
