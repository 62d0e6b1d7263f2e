package io.genja.settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code ssh} section.
 *
 * @param configFile {@code ssh.config_file}: an OpenSSH client config the ssh plugin honours ({@code ~/} expanded,
 *     relative paths from the settings file's directory); {@code null} when not set
 */
public record SshSettings(Path configFile) {

    public static final SshSettings DEFAULTS = new SshSettings(null);

    /** {@link #configFile()}, if set. */
    public Optional<Path> config() {
        return Optional.ofNullable(configFile);
    }
}
