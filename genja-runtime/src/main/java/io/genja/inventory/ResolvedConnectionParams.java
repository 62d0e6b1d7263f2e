package io.genja.inventory;

import io.genja.secret.SecretResolver;
import java.util.Map;

/**
 * What a connection plugin needs to open a session with a host, after the inventory's precedence rule has been
 * applied. {@link #toString()} never shows the password.
 *
 * @param extras plugin-specific settings (for ssh: {@code timeout}, {@code private_key_file}, ...), merged by
 *     top-level key
 */
public record ResolvedConnectionParams(String hostname, Integer port, String username, String password,
                                       String platform, Map<String, Object> extras) {

    public ResolvedConnectionParams {
        extras = extras == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extras));
    }

    @Override
    public String toString() {
        return "ResolvedConnectionParams[hostname=" + hostname + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "null" : SecretResolver.mask(password)) + ", platform=" + platform
                + ", extras=" + SecretResolver.maskExtras(extras) + "]";
    }
}
