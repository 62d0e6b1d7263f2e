package io.genja.inventory;

import io.genja.internal.document.FrozenMap;
import java.util.Map;

/**
 * The {@code connection_options.<plugin>} block of a host, group or defaults: values that apply only to that
 * plugin and beat the plain attributes. Every field may be {@code null} (not set). {@link #toString()} never
 * shows the password.
 */
public record ConnectionOptions(String hostname, Integer port, String username, String password, String platform,
                                Map<String, Object> extras) {

    public static final ConnectionOptions EMPTY = new ConnectionOptions(null, null, null, null, null, Map.of());

    public ConnectionOptions {
        extras = extras == null ? FrozenMap.of() : FrozenMap.copyOf(extras);
    }

    @Override
    public String toString() {
        return "ConnectionOptions[hostname=" + hostname + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "null" : SecretResolver.mask(password)) + ", platform=" + platform
                + ", extras=" + SecretResolver.maskExtras(extras) + "]";
    }
}
