package io.genja.inventory;

import io.genja.internal.document.FrozenMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes one inventory entry (a host, a group or the defaults) sets itself, before inheritance. Every
 * field may be {@code null} (not set); {@code groups} is always empty for the defaults. {@link #toString()}
 * never shows the password.
 *
 * @param groups the groups this entry belongs to, in precedence order
 * @param connectionOptions per plugin name
 */
public record Attributes(String hostname, Integer port, String username, String password, String platform,
                         List<String> groups, Map<String, Object> data,
                         Map<String, ConnectionOptions> connectionOptions) {

    public static final Attributes EMPTY = new Attributes(null, null, null, null, null, List.of(), Map.of(), Map.of());

    public Attributes {
        groups = groups == null ? List.of() : List.copyOf(groups);
        data = data == null ? FrozenMap.of() : FrozenMap.copyOf(data);
        connectionOptions = connectionOptions == null ? FrozenMap.of() : FrozenMap.copyOf(connectionOptions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these attributes, for changing some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder().hostname(hostname).port(port).username(username).password(password)
                .platform(platform).groups(groups.toArray(String[]::new));
        builder.data.putAll(data);
        builder.connectionOptions.putAll(connectionOptions);
        return builder;
    }

    /** A builder for inventories written in code: {@code Attributes.builder().hostname("10.0.0.1").groups("core").build()}. */
    public static final class Builder {
        private String hostname;
        private Integer port;
        private String username;
        private String password;
        private String platform;
        private List<String> groups = List.of();
        private final Map<String, Object> data = new LinkedHashMap<>();
        private final Map<String, ConnectionOptions> connectionOptions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        public Builder port(Integer port) {
            this.port = port;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** The password, or a secret reference such as {@code ${env:ROUTER_PASSWORD}}. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder platform(String platform) {
            this.platform = platform;
            return this;
        }

        /** The groups, in precedence order: the first one listed wins. */
        public Builder groups(String... groups) {
            this.groups = List.of(groups);
            return this;
        }

        public Builder data(String key, Object value) {
            data.put(key, value);
            return this;
        }

        public Builder connectionOptions(String plugin, ConnectionOptions options) {
            connectionOptions.put(plugin, options);
            return this;
        }

        public Attributes build() {
            return new Attributes(hostname, port, username, password, platform, groups, data, connectionOptions);
        }
    }

    @Override
    public String toString() {
        return "Attributes[hostname=" + hostname + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "null" : SecretResolver.mask(password)) + ", platform=" + platform
                + ", groups=" + groups + ", data=" + data.keySet() + ", connectionOptions=" + connectionOptions + "]";
    }
}
