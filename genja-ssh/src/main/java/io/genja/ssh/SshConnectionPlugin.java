package io.genja.ssh;

import io.genja.annotations.GenjaConnectionPlugin;
import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.connection.ConnectionPlugin;
import io.genja.connection.ConnectionSettings;
import io.genja.device.PlatformProfile;
import io.genja.device.connection.HostProfiles;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.settings.section.SettingsSection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The {@code ssh} connection plugin: one Apache MINA SSHD client shared by every host, started on first use
 * and stopped by {@link #close()} (which {@code Genja.close()} calls). Each host gets an {@link SshConnection}.
 * It owns the {@code ssh} section of the settings file ({@link SshSettings}).
 *
 * <pre>{@code
 * PluginManager plugins = new PluginManager().register(new SshConnectionPlugin());
 * }</pre>
 */
@GenjaConnectionPlugin(name = SshConnectionPlugin.NAME)
public final class SshConnectionPlugin implements ConnectionPlugin {

    /** The plugin's name, as tasks write it in {@code connectionPluginName}. */
    public static final String NAME = "ssh";

    private final HostProfiles profiles = new HostProfiles(NAME,
            "or set extras.mode (exec or shell) to run without one");
    private final SshConfigResolver configResolver = new SshConfigResolver();
    private final KeyLoader keys = new KeyLoader();
    private SshClient client;
    private ScheduledThreadPoolExecutor timer;

    /** A plugin whose client starts when the first connection opens. */
    public SshConnectionPlugin() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connection create(ConnectionKey key) {
        return new SshConnection(key, this);
    }

    @Override
    public Set<String> settingsKeys() {
        return SshSettings.KEYS;
    }

    /** The {@code ssh} section: {@code config_file} applies to every host whose inventory sets no ssh config. */
    @Override
    public ConnectionSettings settings(SettingsSection section) {
        return SshSettings.read(section);
    }

    /** The extras' types and values and the platform profile, as {@code open} would check them first. */
    @Override
    public List<String> validate(String host, ResolvedConnectionParams params) {
        try {
            profile(SshOptions.from(host, params));
            return List.of();
        } catch (ConnectionException e) {
            String prefix = "host " + host + ": ";
            String message = e.getMessage();
            return List.of(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    /** With {@code accept-new}, the known_hosts file new host keys are recorded in (its directory is created). */
    @Override
    public List<Path> filesWritten(String host, ResolvedConnectionParams params) {
        try {
            SshOptions options = SshOptions.from(host, params);
            return options.hostKeyChecking() == HostKeyChecking.ACCEPT_NEW && !options.knownHostsFiles().isEmpty()
                    ? List.of(options.knownHostsFiles().get(0)) : List.of();
        } catch (ConnectionException invalid) {
            return List.of(); // the host fails at open with the reason, and nothing is written for it
        }
    }

    /** The shared client, started on first use (and again after {@link #close()}: a Genja closes the plugins it used). */
    synchronized SshClient client() {
        if (client == null) {
            SshClient created = SshClient.setUpDefaultClient();
            KnownHostsVerifier knownHosts = new KnownHostsVerifier();
            created.setServerKeyVerifier(knownHosts);
            created.setHostConfigEntryResolver(configResolver);
            // Keys come only from the inventory and the ssh config, never implicitly from ~/.ssh.
            created.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            created.setUserInteraction(new PasswordInteraction());
            // IdentityFile keys of an ssh config are decrypted with the host's extras.passphrase.
            created.setFilePasswordProvider((session, resource, retry) -> {
                SshOptions options = session instanceof ClientSession clientSession
                        ? clientSession.getConnectionContext().getAttribute(SshConnection.OPTIONS) : null;
                return retry == 0 && options != null ? options.passphrase() : null;
            });
            CoreModuleProperties.PREFERRED_AUTHS.set(created, "publickey,password,keyboard-interactive");
            // ssh is small request/reply packets: with Nagle's algorithm on, a packet sent while the previous one is
            // unacknowledged waited for the device's delayed ACK (40 ms on Linux), twice per connection (docs/ssh.md)
            CoreModuleProperties.TCP_NODELAY.set(created, true);
            Algorithms.modernOnly(created);
            created.addSessionListener(new SessionSetup(knownHosts));
            created.start();
            client = created;
        }
        return client;
    }

    /** Schedules the connections' timeouts; one daemon thread. */
    synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = Executors.defaultThreadFactory().newThread(runnable);
                thread.setName("genja-ssh-timeouts");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    KeyLoader keys() {
        return keys;
    }

    /** The user to log in as: the inventory's, else the ssh config's {@code User}, else the local user. */
    String username(SshOptions options) throws IOException {
        if (options.username() != null) {
            return options.username();
        }
        if (options.sshConfigFile() != null) {
            HostConfigEntry entry = configResolver.resolveEffectiveHost(options.hostname(), options.port(), null, null,
                    null, AttributeRepository.ofKeyValuePair(SshConnection.OPTIONS, options));
            if (entry != null && entry.getUsername() != null && !entry.getUsername().isBlank()) {
                return entry.getUsername();
            }
        }
        return System.getProperty("user.name");
    }

    /**
     * The platform profile of a host: from {@code extras.platform_profile} or the built-in ones, by platform name or
     * alias; the generic profile when the host names no platform.
     *
     * @throws ConnectionException of kind {@code VALIDATION} for an unknown platform or a broken profile file
     */
    PlatformProfile profile(SshOptions options) throws ConnectionException {
        return profiles.profile(options.host(), options.platform(), options.platformProfile(), options.mode() != null);
    }

    /** Stops the shared client: every session still open is closed. The next connection starts a new client. */
    @Override
    public synchronized void close() {
        if (client != null) {
            client.stop();
            client = null;
        }
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** Answers keyboard-interactive password prompts with the host's password; never shows it anywhere. */
    private static final class PasswordInteraction implements UserInteraction {

        @Override
        public boolean isInteractionAllowed(ClientSession session) {
            return true;
        }

        @Override
        public String[] interactive(ClientSession session, String name, String instruction, String lang,
                                    String[] prompts, boolean[] echo) {
            SshOptions options = session.getConnectionContext().getAttribute(SshConnection.OPTIONS);
            if (options == null || options.password() == null) {
                return null;
            }
            String[] answers = new String[prompts.length];
            for (int i = 0; i < prompts.length; i++) {
                // Devices ask "Password:" with echo off; anything else (a token, a question) gets an empty answer.
                answers[i] = !echo[i] ? options.password() : "";
            }
            return answers;
        }

        @Override
        public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
            return null; // an expired password cannot be changed unattended
        }
    }
}
