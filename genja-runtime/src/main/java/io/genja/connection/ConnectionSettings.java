package io.genja.connection;

import io.genja.inventory.ResolvedConnectionParams;

/**
 * What a connection plugin made of its section of the settings file ({@link ConnectionPlugin#settings}): applied to
 * every host's parameters before the plugin opens a connection, after the inventory and its secrets, so the
 * inventory (more specific) can win over the settings where the plugin says so.
 */
@FunctionalInterface
public interface ConnectionSettings {

    /** Settings that change nothing: for a plugin without a section. */
    ConnectionSettings NONE = params -> params;

    /** {@code params} with the settings applied; {@code params} itself when they change nothing. */
    ResolvedConnectionParams applyTo(ResolvedConnectionParams params);
}
