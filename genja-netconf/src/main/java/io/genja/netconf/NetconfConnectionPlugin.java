package io.genja.netconf;

import io.genja.annotations.GenjaConnectionPlugin;
import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.connection.ConnectionPlugin;
import io.genja.connection.ConnectionSettings;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.settings.section.SettingsSection;
import io.genja.ssh.SshConnection;
import io.genja.ssh.SshConnectionPlugin;
import io.genja.ssh.SshOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code netconf} connection plugin (RFC 6241 over RFC 6242): each host gets a {@link NetconfConnection}, whose
 * {@link NetconfSession} tasks reach with {@link NetconfSession#of}. Parameters come from the host's
 * {@code connection_options.netconf} (port 830 unless set); the ssh side (host keys, authentication, timeouts,
 * {@code extras}) is the ssh plugin's own code, run by a private instance of it that this plugin owns and closes.
 * It owns the {@code netconf} section of the settings file ({@link NetconfSettings}).
 *
 * <pre>{@code
 * PluginManager plugins = new PluginManager().register(new NetconfConnectionPlugin());
 * }</pre>
 */
@GenjaConnectionPlugin(name = NetconfConnectionPlugin.NAME)
public final class NetconfConnectionPlugin implements ConnectionPlugin {

    /** The plugin's name, as tasks write it in {@code connectionPluginName}. */
    public static final String NAME = "netconf";

    /** The IANA port of NETCONF over ssh (RFC 6242 §3). */
    public static final int DEFAULT_PORT = 830;

    /** The ssh client the NETCONF sessions ride on: not registered, so it shares nothing with the {@code ssh} plugin. */
    private final SshConnectionPlugin ssh = new SshConnectionPlugin();

    /** A plugin whose ssh client starts when the first connection opens. */
    public NetconfConnectionPlugin() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connection create(ConnectionKey key) {
        return new NetconfConnection(key, this);
    }

    @Override
    public Set<String> settingsKeys() {
        return NetconfSettings.KEYS;
    }

    @Override
    public ConnectionSettings settings(SettingsSection section) {
        return NetconfSettings.read(section);
    }

    /** The extras' types and values, as {@code open} would check them first. */
    @Override
    public List<String> validate(String host, ResolvedConnectionParams params) {
        try {
            SshOptions.from(host, NetconfConnection.sshParams(params));
            return List.of();
        } catch (ConnectionException e) {
            String prefix = "host " + host + ": ";
            String message = e.getMessage();
            return List.of(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    /** With {@code strict_host_key_checking: accept-new}, the known_hosts file new host keys are recorded in. */
    @Override
    public List<Path> filesWritten(String host, ResolvedConnectionParams params) {
        return ssh.filesWritten(host, NetconfConnection.sshParams(params));
    }

    SshConnection sshConnection(ConnectionKey key) {
        return (SshConnection) ssh.create(key);
    }

    /** Stops the ssh client: every session still open is closed. */
    @Override
    public void close() {
        ssh.close();
    }
}
