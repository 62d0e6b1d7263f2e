package io.genja.connection;

import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.settings.section.SettingsSection;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A connection factory, registered once: the runtime asks it for one {@link Connection} per
 * {@link ConnectionKey} (host and plugin). Annotate implementations with
 * {@link io.genja.annotations.GenjaConnectionPlugin} so tasks naming it are checked at compile time.
 *
 * <p>A plugin may own a section of the settings file named like the plugin ({@code ssh:} for {@code ssh}): it declares
 * the section's keys in {@link #settingsKeys()} (any other key is reported with its line and a "did you mean") and
 * reads the section in {@link #settings}. Both have defaults, so a plugin without settings implements neither.
 *
 * <p>Plugins that hold shared resources (a client, a thread pool) release them in {@link #close()}, which
 * {@code Genja.close()} calls after every connection is closed.
 */
public interface ConnectionPlugin extends AutoCloseable {

    /** The name tasks use in {@code connectionPluginName}, for example {@code "ssh"}. */
    String name();

    /** A new, not yet opened connection for {@code key}. */
    Connection create(ConnectionKey key);

    /**
     * What is wrong with a host's connection parameters whatever machine the run is on (a value of the wrong type,
     * an unknown platform), found without connecting; {@code genja check} reports it. Each message says what is
     * wrong and what would be right, without naming the host (the caller groups hosts by message). The default
     * finds nothing.
     *
     * @param host the host the parameters are of
     * @param params its resolved parameters, secrets resolved where they could be
     */
    default List<String> validate(String host, ResolvedConnectionParams params) {
        return List.of();
    }

    /**
     * The keys this plugin's settings section may hold, for example {@code config_file} for {@code ssh}. The default,
     * none, makes any key of a section with the plugin's name an error.
     */
    default Set<String> settingsKeys() {
        return Set.of();
    }

    /**
     * Reads this plugin's section of the settings file, once per {@code Genja} (and by {@code genja check}); keys
     * outside {@link #settingsKeys()} are already reported. Report a wrong value with
     * {@link SettingsSection#problem} (the section knows its line), or something that may be fine where the run
     * happens with {@link SettingsSection#warning}. The section is empty (values only from the {@code GENJA_*}
     * environment) when the file has none. Must not keep the section: it is not thread-safe.
     *
     * @return what to apply to each host's parameters; the default applies nothing
     */
    default ConnectionSettings settings(SettingsSection section) {
        return ConnectionSettings.NONE;
    }

    /**
     * The files the plugin may write while it connects {@code host} with {@code params} (the ssh plugin with
     * {@code strict_host_key_checking: accept-new} records new host keys in a known_hosts file). {@code genja run}
     * checks that each can be written before any host is touched. The default writes none.
     */
    default List<Path> filesWritten(String host, ResolvedConnectionParams params) {
        return List.of();
    }

    /** Releases what the plugin shares between its connections. The default does nothing. */
    @Override
    default void close() {
    }
}
