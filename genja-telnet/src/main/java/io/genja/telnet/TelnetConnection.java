package io.genja.telnet;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.connection.DeviceCli;
import io.genja.device.CliRequest;
import io.genja.device.PlatformProfile;
import io.genja.device.connection.DeviceCliAdapter;
import io.genja.device.session.CliSession;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.task.FailureKind;
import java.util.Optional;

/**
 * The telnet session with one host: {@link #open} connects, logs in at the platform's {@code Username:}/{@code
 * Password:} prompts and waits for the CLI prompt; then commands run in that one session, as in ssh's shell mode.
 * {@link #cli()} offers the device's CLI (privilege, configuration changes) through genja-device's session logic,
 * the same as over ssh. Everything crosses the network in cleartext, the password included.
 */
public final class TelnetConnection implements Connection {

    private final ConnectionKey key;
    private final TelnetConnectionPlugin plugin;
    private volatile TelnetOptions options;
    private volatile PlatformProfile profile;
    private volatile TelnetShell shell;
    private volatile DeviceCli cli;
    private volatile boolean closed;

    TelnetConnection(ConnectionKey key, TelnetConnectionPlugin plugin) {
        this.key = key;
        this.plugin = plugin;
    }

    @Override
    public void open(ResolvedConnectionParams params) throws ConnectionException {
        options = TelnetOptions.from(key.host(), params);
        profile = plugin.profile(options);
        String secret = DeviceCliAdapter.enableSecret(key.host(), params.extras());
        plugin.warnCleartext(options);
        TelnetShell opened = TelnetShell.open(options, profile);
        shell = opened; // before the check: a close() from now on closes it itself
        if (closed) {
            opened.close(); // closed while it opened: leave nothing behind
            throw new ConnectionException(FailureKind.CONNECTION, options.where() + ": the telnet connection was "
                    + "closed while it opened");
        }
        cli = new DeviceCliAdapter(new CliSession(profile, new TelnetTransport(opened), options.where(), () -> secret));
    }

    /**
     * Runs {@code command} and returns its output. Fails with {@code COMMAND} when the output matches one of the
     * platform's error patterns (such as {@code % Invalid input}).
     */
    @Override
    public String executeCommand(String command) throws ConnectionException {
        TelnetShell current = shell;
        if (current == null || closed) {
            throw new ConnectionException(FailureKind.CONNECTION, key.host() + ": the telnet connection is not open"
                    + (closed ? " (it was closed)" : ""));
        }
        String output = current.run(CliRequest.of(command));
        Optional<String> rejected = profile.errorLine(output);
        if (rejected.isPresent()) {
            throw new ConnectionException(FailureKind.COMMAND, options.where() + ": \"" + command
                    + "\" was rejected by the device: " + rejected.get());
        }
        return output;
    }

    /** The device's CLI over this session; empty before open. */
    @Override
    public Optional<DeviceCli> cli() {
        return Optional.ofNullable(cli);
    }

    /** The platform profile in use, once open. */
    public PlatformProfile profile() {
        return profile;
    }

    @Override
    public boolean isAlive() {
        TelnetShell current = shell;
        return !closed && current != null && current.isOpen();
    }

    @Override
    public ConnectionKey close() {
        closed = true;
        TelnetShell current = shell;
        if (current != null) {
            current.close();
        }
        return key;
    }

    @Override
    public String toString() {
        return "TelnetConnection[" + key + ", " + (isAlive() ? "open" : "not open") + "]";
    }
}
