package com.acme.genja;

import io.genja.annotations.GenjaConnectionPlugin;
import io.genja.connection.Connection;
import io.genja.connection.ConnectionPlugin;
import io.genja.connection.ConnectionSettings;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.settings.section.SettingsSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A connection to a lab that answers every command with its banner: enough to show a third-party plugin with its
 * own {@code lab:} section in the settings file ({@code banner}, {@code max_sessions}).
 */
@GenjaConnectionPlugin(name = "lab")
public final class LabConnectionPlugin implements ConnectionPlugin {

    static final String BANNER = "banner";

    @Override
    public String name() {
        return "lab";
    }

    @Override
    public Connection create(ConnectionKey key) {
        return new LabConnection(key);
    }

    @Override
    public Set<String> settingsKeys() {
        return Set.of(BANNER, "max_sessions");
    }

    @Override
    public ConnectionSettings settings(SettingsSection section) {
        String banner = section.text(BANNER).orElse("lab");
        section.integer("max_sessions", 1, 64);
        return params -> {
            Map<String, Object> extras = new LinkedHashMap<>(params.extras());
            extras.putIfAbsent(BANNER, banner);
            return new ResolvedConnectionParams(params.hostname(), params.port(), params.username(),
                    params.password(), params.platform(), extras);
        };
    }

    @Override
    public List<String> validate(String host, ResolvedConnectionParams params) {
        return params.hostname() == null ? List.of("a lab host needs a hostname") : List.of();
    }
}
