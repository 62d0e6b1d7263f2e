package io.genja.netconf;

import io.genja.connection.ConnectionSettings;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.settings.section.SettingsSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code netconf} section of the settings file, owned by the netconf plugin.
 *
 * @param configFile {@code netconf.config_file} (or {@code GENJA_NETCONF_CONFIG_FILE}): an OpenSSH client config
 *     honoured for every host whose inventory sets no {@code extras.ssh_config_file}, as {@code ssh.config_file} is
 *     for the ssh plugin; {@code null} when not set
 */
public record NetconfSettings(Path configFile) implements ConnectionSettings {

    /** The section's keys. */
    public static final Set<String> KEYS = Set.of("config_file");

    /** Reads the section; a config file that does not exist here is a warning (it may exist where the run happens). */
    public static NetconfSettings read(SettingsSection section) {
        Path configFile = section.path("config_file").orElse(null);
        if (configFile != null && !Files.isRegularFile(configFile)) {
            section.warning("netconf.config_file " + configFile + " does not exist; every netconf connection would"
                    + " fail");
        }
        return new NetconfSettings(configFile);
    }

    /** {@code params} with {@code extras.ssh_config_file} set to {@link #configFile()} where the inventory leaves it unset. */
    @Override
    public ResolvedConnectionParams applyTo(ResolvedConnectionParams params) {
        if (configFile == null || params.extras().containsKey("ssh_config_file")) {
            return params;
        }
        Map<String, Object> extras = new LinkedHashMap<>(params.extras());
        extras.put("ssh_config_file", configFile.toString());
        return new ResolvedConnectionParams(params.hostname(), params.port(), params.username(), params.password(),
                params.platform(), extras);
    }
}
