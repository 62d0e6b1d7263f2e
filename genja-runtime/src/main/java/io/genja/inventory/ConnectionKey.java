package io.genja.inventory;

import java.util.Objects;

/** Identifies one connection: a host and the plugin that connects to it. */
public record ConnectionKey(String host, String plugin) {

    public ConnectionKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(plugin, "plugin");
    }

    @Override
    public String toString() {
        return host + "/" + plugin;
    }
}
