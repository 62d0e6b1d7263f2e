package io.genja.ssh;

import io.genja.connection.ConnectionSettings;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.settings.section.SettingsSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ssh} section of the settings file, owned by the ssh plugin.
 *
 * @param configFile {@code ssh.config_file} (or {@code GENJA_SSH_CONFIG_FILE}): an OpenSSH client config the plugin
 *     honours ({@code ~/} expanded, relative paths from the settings file's directory); {@code null} when not set
 */
public record SshSettings(Path configFile) implements ConnectionSettings {

    public static final SshSettings DEFAULTS = new SshSettings(null);

    /** The section's keys. */
    public static final Set<String> KEYS = Set.of("config_file");

    /** The extras key under which the ssh plugin reads the OpenSSH client config. */
    public static final String CONFIG_FILE_EXTRA = "ssh_config_file";

    /**
     * Reads the section: wrong values are recorded in it with their line; a config file that does not exist here is
     * a warning (it may exist where the run happens).
     */
    public static SshSettings read(SettingsSection section) {
        Path configFile = section.path("config_file").orElse(null);
        if (configFile != null && !Files.isRegularFile(configFile)) {
            section.warning("ssh.config_file " + configFile + " does not exist; every ssh connection would fail");
        }
        return new SshSettings(configFile);
    }

    /**
     * {@code params} with {@code extras.ssh_config_file} set to {@link #configFile()} when the inventory leaves it
     * unset: the inventory, being more specific, wins.
     */
    @Override
    public ResolvedConnectionParams applyTo(ResolvedConnectionParams params) {
        if (configFile == null || params.extras().containsKey(CONFIG_FILE_EXTRA)) {
            return params;
        }
        Map<String, Object> extras = new LinkedHashMap<>(params.extras());
        extras.put(CONFIG_FILE_EXTRA, configFile.toString());
        return new ResolvedConnectionParams(params.hostname(), params.port(), params.username(), params.password(),
                params.platform(), extras);
    }

    /** {@link #configFile()}, if set. */
    public Optional<Path> config() {
        return Optional.ofNullable(configFile);
    }
}
