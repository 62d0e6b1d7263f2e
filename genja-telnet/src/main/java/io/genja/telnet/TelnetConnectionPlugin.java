package io.genja.telnet;

import io.genja.annotations.GenjaConnectionPlugin;
import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.connection.ConnectionPlugin;
import io.genja.device.PlatformProfile;
import io.genja.device.connection.HostProfiles;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code telnet} connection plugin, for devices reachable only over Telnet. <b>Telnet is cleartext</b>: the
 * password and everything the device prints cross the network unencrypted, so a host uses it only when its inventory
 * says so: tasks that declare {@code telnet}, or ssh tasks on a host whose {@code connection_options.ssh.extras} has
 * {@code connection_plugin: telnet}. The first connection a plugin instance opens logs one warning saying so.
 * Each host gets a {@link TelnetConnection}; the plugin shares nothing between them but the platform profiles.
 *
 * <pre>{@code
 * PluginManager plugins = PluginManager.discover(); // finds it when genja-telnet is on the class path
 * }</pre>
 */
@GenjaConnectionPlugin(name = TelnetConnectionPlugin.NAME)
public final class TelnetConnectionPlugin implements ConnectionPlugin {

    /** The plugin's name, as tasks and {@code connection_plugin} write it. */
    public static final String NAME = "telnet";

    private static final Logger LOG = LoggerFactory.getLogger(TelnetConnectionPlugin.class);

    private final HostProfiles profiles = new HostProfiles(NAME, null);
    private final AtomicBoolean warned = new AtomicBoolean();

    public TelnetConnectionPlugin() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connection create(ConnectionKey key) {
        return new TelnetConnection(key, this);
    }

    /**
     * The extras' types and values, and a profile file of the host's own, as {@code open} would check them first. A
     * platform without a profile is left to the other CLI plugins' checks (the ssh plugin reads the same profiles):
     * every registered plugin is checked for every host, and a host that never uses telnet should not see its
     * platform reported twice.
     */
    @Override
    public List<String> validate(String host, ResolvedConnectionParams params) {
        try {
            TelnetOptions options = TelnetOptions.from(host, params);
            if (options.platformProfile() != null) {
                profile(options);
            }
            return List.of();
        } catch (ConnectionException e) {
            String prefix = "host " + host + ": ";
            String message = e.getMessage();
            return List.of(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    /** The host's platform profile (its {@code login:} questions included); the generic one when it names none. */
    PlatformProfile profile(TelnetOptions options) throws ConnectionException {
        return profiles.profile(options.host(), options.platform(), options.platformProfile(), false);
    }

    /** Says once per plugin instance (once per run of the CLI) that telnet sends everything in cleartext. */
    void warnCleartext(TelnetOptions options) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn("telnet is cleartext: the password and all output of {} (and of every other host using telnet "
                    + "in this run) cross the network unencrypted", options.where());
        }
    }
}
