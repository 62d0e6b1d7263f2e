package io.genja.settings;

import io.genja.connection.ConnectionException;
import io.genja.connection.ConnectionPlugin;
import io.genja.connection.ConnectionSettings;
import io.genja.document.Problem;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.Inventory;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.inventory.SecretException;
import io.genja.plugin.PluginManager;
import io.genja.settings.section.SettingsSection;
import io.genja.task.FailureKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place a host's connection parameters are worked out, for a run (the connection manager, before every
 * open) and for {@code genja check} alike: the inventory's resolved view (host, groups, defaults,
 * {@code connection_options}) → its secrets → what the plugin made of its settings section → (for a check) the
 * plugin's own validation. Safe to use from many threads.
 *
 * <pre>{@code
 * ConnectionResolver resolver = ConnectionResolver.of(inventory, plugins, settings);
 * ResolvedConnectionParams params = resolver.resolve("router1", "ssh");
 * }</pre>
 */
public final class ConnectionResolver {

    private final Inventory inventory;
    private final PluginManager plugins;
    private final Settings settings;
    /** What each plugin made of its section; plugins registered after creation are read on first use. */
    private final Map<String, ConnectionSettings> pluginSettings;
    private final List<String> warnings;
    /** {@link #connectionPlugin}'s answers: the inventory does not change once loaded. */
    private final Map<ConnectionKey, String> substitutes = new ConcurrentHashMap<>();

    /**
     * The key of a task plugin's connection options ({@code connection_options.ssh.extras.connection_plugin}) that
     * makes a host connect through another plugin, e.g. {@code telnet} for a device without SSH.
     */
    public static final String CONNECTION_PLUGIN_EXTRA = "connection_plugin";

    private ConnectionResolver(Inventory inventory, PluginManager plugins, Settings settings,
                               Map<String, ConnectionSettings> pluginSettings, List<String> warnings) {
        this.inventory = inventory;
        this.plugins = plugins;
        this.settings = settings;
        this.pluginSettings = new ConcurrentHashMap<>(pluginSettings);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * A resolver over {@code inventory} with every registered connection plugin's section of {@code settings} read
     * by its plugin.
     *
     * @throws SettingsException with every problem the plugins found in their sections
     */
    public static ConnectionResolver of(Inventory inventory, PluginManager plugins, Settings settings) {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(settings, "settings");
        Map<String, ConnectionSettings> pluginSettings = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ConnectionPlugin plugin : plugins.connectionPlugins()) {
            SettingsSection section = settings.section(plugin.name());
            pluginSettings.put(plugin.name(), read(plugin, section));
            problems.addAll(section.problems());
            warnings.addAll(section.warnings());
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return new ConnectionResolver(inventory, plugins, settings, pluginSettings, warnings);
    }

    /**
     * The parameters {@code plugin} opens {@code host} with: the inventory's, secrets resolved, the plugin's settings
     * applied.
     *
     * @throws ConnectionException when a secret cannot be resolved or the plugin's section is wrong (kind
     *     {@code VALIDATION}); nothing should be opened then
     */
    public ResolvedConnectionParams resolve(String host, String plugin) throws ConnectionException {
        ResolvedConnectionParams params;
        try {
            params = inventory.secrets().resolve(new ConnectionKey(host, plugin),
                    inventory.resolveConnection(host, plugin));
        } catch (SecretException e) {
            throw new ConnectionException(FailureKind.VALIDATION, e.getMessage(), e);
        }
        return settingsOf(plugin).applyTo(params);
    }

    /**
     * The plugin that connects {@code host} for tasks that name {@code plugin}: {@code plugin} itself, unless the host's
     * resolved {@code connection_options.<plugin>.extras.connection_plugin} (host, groups, defaults) names another, e.g.
     * {@code telnet} for a device reachable only over Telnet: its tasks then run unchanged over that plugin's
     * connection, opened with {@code connection_options.<that plugin>}. One step only: the other plugin's own
     * {@code connection_plugin} is not followed.
     *
     * @throws ConnectionException of kind {@code VALIDATION} when the value is not a string or names no registered
     *     connection plugin
     */
    public String connectionPlugin(String host, String plugin) throws ConnectionException {
        ConnectionKey key = new ConnectionKey(host, plugin);
        String known = substitutes.get(key);
        if (known != null) {
            return known;
        }
        Object named = inventory.resolveConnection(host, plugin).extras().get(CONNECTION_PLUGIN_EXTRA);
        String chosen = plugin;
        if (named != null) {
            if (!(named instanceof String name) || name.isBlank()) {
                throw new ConnectionException(FailureKind.VALIDATION, "host " + host + ": connection_options." + plugin
                        + ".extras." + CONNECTION_PLUGIN_EXTRA + " must name a connection plugin, e.g. telnet; got \""
                        + named + "\"");
            }
            if (plugins.findConnectionPlugin(name.strip()).isEmpty()) {
                throw new ConnectionException(FailureKind.VALIDATION, "host " + host + ": connection_options." + plugin
                        + ".extras." + CONNECTION_PLUGIN_EXTRA + " names connection plugin \"" + name.strip()
                        + "\", which is not registered; known: " + plugins.connectionPlugins().stream()
                        .map(ConnectionPlugin::name).sorted().toList() + " (is its jar, e.g. genja-telnet, on the class path?)");
            }
            chosen = name.strip();
        }
        substitutes.putIfAbsent(key, chosen);
        return chosen;
    }

    /**
     * What {@code plugin} finds wrong with {@code host}'s parameters without connecting
     * ({@link ConnectionPlugin#validate}); secrets that cannot be resolved here are left as written (they are
     * {@code genja check}'s warnings, not the plugin's problems).
     */
    public List<String> validate(String host, String plugin) {
        ConnectionPlugin connectionPlugin = plugins.connectionPlugin(plugin);
        ResolvedConnectionParams params = inventory.resolveConnection(host, plugin);
        try {
            params = inventory.secrets().resolve(new ConnectionKey(host, plugin), params);
        } catch (SecretException unresolvable) {
            // checked on its own; validate the rest as written
        }
        try {
            params = settingsOf(plugin).applyTo(params);
        } catch (ConnectionException wrongSection) {
            return List.of(wrongSection.getMessage());
        }
        ConnectionKey key = new ConnectionKey(host, plugin);
        // a message may quote a value a ${...} reference resolved to: it names the reference instead
        return connectionPlugin.validate(host, params).stream()
                .map(problem -> inventory.secrets().redact(problem, key)).toList();
    }

    /**
     * {@code failure} with every value a {@code ${...}} reference of {@code key} resolved to replaced by the
     * reference: a plugin's message may quote a value ("got ..."), and secrets are never shown.
     */
    public ConnectionException redact(ConnectionException failure, ConnectionKey key) {
        String message = inventory.secrets().redact(failure.getMessage(), key);
        if (Objects.equals(message, failure.getMessage())) {
            return failure;
        }
        ConnectionException redacted = new ConnectionException(failure.kind(), message, null, failure.retryable());
        redacted.setStackTrace(failure.getStackTrace());
        return redacted;
    }

    /** What the plugins noted about their sections that may be fine where the run happens (a missing file). */
    public List<String> warnings() {
        return warnings;
    }

    private ConnectionSettings settingsOf(String plugin) throws ConnectionException {
        ConnectionSettings known = pluginSettings.get(plugin);
        if (known != null) {
            return known;
        }
        ConnectionPlugin registeredLater = plugins.findConnectionPlugin(plugin).orElse(null);
        if (registeredLater == null) {
            return ConnectionSettings.NONE; // the connection manager reports the unknown plugin
        }
        SettingsSection section = settings.section(plugin);
        ConnectionSettings read = read(registeredLater, section);
        if (!section.problems().isEmpty()) {
            throw new ConnectionException(FailureKind.VALIDATION, new SettingsException(section.problems())
                    .getMessage());
        }
        pluginSettings.putIfAbsent(plugin, read);
        return pluginSettings.get(plugin);
    }

    /**
     * {@code plugin}'s reading of {@code section}: keys it does not declare are reported, then the plugin reads the
     * rest; its problems stay in {@code section}.
     */
    static ConnectionSettings read(ConnectionPlugin plugin, SettingsSection section) {
        section.checkKeys(plugin.settingsKeys());
        try {
            return Objects.requireNonNull(plugin.settings(section), "settings() returned null");
        } catch (RuntimeException e) {
            section.problem(null, "connection plugin " + plugin.name() + " failed reading its section: " + e);
            return ConnectionSettings.NONE;
        }
    }
}
