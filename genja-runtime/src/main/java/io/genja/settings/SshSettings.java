package io.genja.settings;

import io.genja.inventory.ResolvedConnectionParams;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ssh} section.
 *
 * @param configFile {@code ssh.config_file}: an OpenSSH client config the ssh plugin honours ({@code ~/} expanded,
 *     relative paths from the settings file's directory); {@code null} when not set
 */
public record SshSettings(Path configFile) {

    public static final SshSettings DEFAULTS = new SshSettings(null);

    /** The connection plugin this section configures. */
    public static final String PLUGIN = "ssh";

    /** The extras key under which the ssh plugin reads the OpenSSH client config. */
    public static final String CONFIG_FILE_EXTRA = "ssh_config_file";

    /**
     * {@code params} with {@code extras.ssh_config_file} set to {@link #configFile()} when the inventory leaves it
     * unset: the inventory, being more specific, wins.
     */
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
