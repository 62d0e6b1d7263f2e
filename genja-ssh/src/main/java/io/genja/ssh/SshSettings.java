package io.genja.ssh;

import io.genja.device.OutputSize;
import io.genja.connection.ConnectionSettings;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.settings.section.SettingsSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code ssh} section of the settings file, owned by the ssh plugin.
 *
 * @param configFile {@code ssh.config_file} (or {@code GENJA_SSH_CONFIG_FILE}): an OpenSSH client config the plugin
 *     honours ({@code ~/} expanded, relative paths from the settings file's directory); {@code null} when not set
 * @param maxOutput {@code ssh.max_output} (or {@code GENJA_SSH_MAX_OUTPUT}): the most bytes one command may print,
 *     in bytes, for every host whose inventory sets no {@code extras.max_output}; {@code null} when not set (then
 *     {@link SshOptions#DEFAULT_MAX_OUTPUT}, 64 MiB)
 */
public record SshSettings(Path configFile, Long maxOutput) implements ConnectionSettings {

    public static final SshSettings DEFAULTS = new SshSettings(null, null);

    /** The section's keys. */
    public static final Set<String> KEYS = Set.of("config_file", "max_output");

    /** The extras key of the output cap, which {@code ssh.max_output} fills in. */
    public static final String MAX_OUTPUT_EXTRA = "max_output";

    /** Settings with only {@code ssh.config_file}. */
    public SshSettings(Path configFile) {
        this(configFile, null);
    }

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
        Long maxOutput = section.text("max_output").map(text -> {
            OptionalLong size = OutputSize.parse(text);
            if (size.isEmpty()) {
                section.problem("max_output", "ssh.max_output must be " + OutputSize.FORMAT + ", got \""
                        + text + "\"");
            }
            return size.isPresent() ? size.getAsLong() : null;
        }).orElse(null);
        return new SshSettings(configFile, maxOutput);
    }

    /**
     * {@code params} with {@code extras.ssh_config_file} set to {@link #configFile()} and {@code extras.max_output}
     * to {@link #maxOutput()} where the inventory leaves them unset: the inventory, being more specific, wins.
     */
    @Override
    public ResolvedConnectionParams applyTo(ResolvedConnectionParams params) {
        Map<String, Object> extras = new LinkedHashMap<>(params.extras());
        if (configFile != null) {
            extras.putIfAbsent(CONFIG_FILE_EXTRA, configFile.toString());
        }
        if (maxOutput != null) {
            extras.putIfAbsent(MAX_OUTPUT_EXTRA, maxOutput);
        }
        if (extras.equals(params.extras())) {
            return params;
        }
        return new ResolvedConnectionParams(params.hostname(), params.port(), params.username(), params.password(),
                params.platform(), extras);
    }

    /** {@link #configFile()}, if set. */
    public Optional<Path> config() {
        return Optional.ofNullable(configFile);
    }
}
