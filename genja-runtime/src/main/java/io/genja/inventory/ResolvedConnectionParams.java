package io.genja.inventory;

import io.genja.internal.document.FrozenMap;
import java.util.Map;

/**
 * What a connection plugin needs to open a session with a host, after the inventory's precedence rule has been
 * applied. {@link #toString()} never shows the password (a value that is only a secret reference such as
 * {@code ${env:NAME}} is shown as written), nor the values of secret-named extras ({@code *password*},
 * {@code *secret*}, {@code *token*}, {@code *passphrase*}).
 *
 * @param extras plugin-specific settings (for ssh: {@code timeout}, {@code private_key_file}, ...), merged by
 *     top-level key
 */
public record ResolvedConnectionParams(String hostname, Integer port, String username, String password,
                                       String platform, Map<String, Object> extras) {

    public ResolvedConnectionParams {
        extras = extras == null ? FrozenMap.of() : FrozenMap.copyOf(extras);
    }

    @Override
    public String toString() {
        return "ResolvedConnectionParams[hostname=" + hostname + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "null" : SecretResolver.mask(password)) + ", platform=" + platform
                + ", extras=" + SecretResolver.maskExtras(extras) + "]";
    }
}
