package io.genja.telnet;

import io.genja.connection.ConnectionException;
import io.genja.device.CliRequest;
import io.genja.device.session.CliTransport;
import io.genja.device.session.DeviceCliException;

/**
 * genja-device's session logic over a Telnet session: each request goes through the connection's
 * {@link TelnetShell}; its failure travels as the {@link ConnectionException} it is, wrapped for the trip through the
 * session logic and unwrapped by {@code DeviceCliAdapter}.
 */
final class TelnetTransport implements CliTransport {

    private final TelnetShell shell;

    TelnetTransport(TelnetShell shell) {
        this.shell = shell;
    }

    @Override
    public String send(CliRequest request) throws DeviceCliException {
        try {
            return shell.run(request);
        } catch (ConnectionException e) {
            throw DeviceCliException.transport(e);
        }
    }

    @Override
    public String lastPrompt() {
        return shell.lastPrompt();
    }
}
