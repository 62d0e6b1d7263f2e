package io.genja.netconf;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.ssh.SshConnection;
import io.genja.ssh.SshOptions;
import io.genja.task.FailureKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NETCONF connection to one host: an ssh session made by the ssh plugin's code (so host keys, authentication,
 * timeouts and algorithms work exactly as for {@code ssh}), with the {@code netconf} subsystem open on it.
 */
public final class NetconfConnection implements Connection {

    private final ConnectionKey key;
    private final NetconfConnectionPlugin plugin;
    private volatile SshConnection ssh;
    private volatile NetconfSession session;

    NetconfConnection(ConnectionKey key, NetconfConnectionPlugin plugin) {
        this.key = key;
        this.plugin = plugin;
    }

    @Override
    public void open(ResolvedConnectionParams params) throws ConnectionException {
        ResolvedConnectionParams sshParams = sshParams(params);
        SshOptions options = SshOptions.from(key.host(), sshParams);
        SshConnection opening = plugin.sshConnection(key);
        ssh = opening;
        opening.open(sshParams);
        try {
            String where = "host " + key.host() + " (" + options.hostname() + ":" + options.port() + ")";
            session = NetconfSession.open(opening.session(), where, options.commandTimeout(), options.maxOutput());
        } catch (ConnectionException | RuntimeException e) {
            opening.close();
            throw e;
        }
    }

    /**
     * The host's parameters as the ssh code reads them: port 830 unless the inventory says otherwise, and exec mode,
     * so that no shell is opened on the session (the subsystem is the only channel).
     */
    static ResolvedConnectionParams sshParams(ResolvedConnectionParams params) {
        Map<String, Object> extras = new LinkedHashMap<>(params.extras());
        extras.put("mode", "exec");
        return new ResolvedConnectionParams(params.hostname(), params.port() != null ? params.port()
                : NetconfConnectionPlugin.DEFAULT_PORT, params.username(), params.password(), params.platform(), extras);
    }

    /**
     * The open NETCONF session.
     *
     * @throws ConnectionException {@code CONNECTION} when the connection is not open
     */
    public NetconfSession session() throws ConnectionException {
        NetconfSession open = session;
        if (open == null) {
            throw new ConnectionException(FailureKind.CONNECTION, key.host() + ": the netconf connection is not open");
        }
        return open;
    }

    @Override
    public boolean isAlive() {
        SshConnection current = ssh;
        NetconfSession open = session;
        return current != null && current.isAlive() && open != null && open.isOpen();
    }

    @Override
    public ConnectionKey close() {
        NetconfSession open = session;
        if (open != null) {
            open.close();
        }
        SshConnection current = ssh;
        if (current != null) {
            current.close();
        }
        return key;
    }

    @Override
    public String toString() {
        return "NetconfConnection[" + key + ", " + (isAlive() ? "open" : "not open") + "]";
    }
}
