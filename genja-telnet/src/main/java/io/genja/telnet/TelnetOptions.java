package io.genja.telnet;

import io.genja.connection.ConnectionException;
import io.genja.device.OutputSize;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.task.FailureKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The settings of one telnet connection: the host's resolved parameters ({@code connection_options.telnet} over the
 * plain attributes) plus the plugin's {@code extras}, checked. {@link #toString()} never shows the password.
 *
 * @param host the inventory name of the host, for messages
 * @param port {@code port}, default 23
 * @param username the user the login answers, or {@code null} (then a device that asks for one refuses the login)
 * @param platform the {@code platform} (or {@code extras.device_type}), or {@code null}
 * @param connectTimeout {@code extras.connect_timeout}: until the TCP connection is made
 * @param loginTimeout {@code extras.login_timeout}: from the connection to the first prompt, login included
 * @param readTimeout {@code extras.read_timeout}: the longest a command may print nothing
 * @param commandTimeout {@code extras.command_timeout}: the longest a command may take
 * @param platformProfile {@code extras.platform_profile}: a profile file or directory, or {@code null}
 * @param maxOutput {@code extras.max_output}: the most bytes one command may print
 */
record TelnetOptions(String host, String hostname, int port, String username, String password, String platform,
                            Duration connectTimeout, Duration loginTimeout, Duration readTimeout,
                            Duration commandTimeout, Path platformProfile, long maxOutput) {

    /** Telnet's well-known port. */
    public static final int DEFAULT_PORT = 23;

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** The output cap unless {@code extras.max_output} says otherwise: 64 MiB, as for ssh. */
    public static final long DEFAULT_MAX_OUTPUT = 64L * 1024 * 1024;

    /**
     * Reads the options of {@code host} from its resolved parameters.
     *
     * @throws ConnectionException of kind {@code VALIDATION} naming the value that is wrong and what is expected
     */
    public static TelnetOptions from(String host, ResolvedConnectionParams params) throws ConnectionException {
        Reader r = new Reader(host, params.extras());
        Duration timeout = r.seconds("timeout", DEFAULT_TIMEOUT);
        int port = params.port() != null ? params.port() : DEFAULT_PORT;
        if (port < 1 || port > 65535) {
            throw r.invalid("port", port, "a TCP port between 1 and 65535");
        }
        String platform = params.platform() != null ? params.platform() : r.string("device_type");
        String profile = r.string("platform_profile");
        return new TelnetOptions(host, params.hostname() != null ? params.hostname() : host, port, params.username(),
                params.password(), platform, r.seconds("connect_timeout", timeout), r.seconds("login_timeout", timeout),
                r.seconds("read_timeout", timeout), r.seconds("command_timeout", timeout),
                profile == null ? null : Path.of(profile), r.size("max_output", DEFAULT_MAX_OUTPUT));
    }

    /** {@code host r1 (10.0.0.1:23)}, for messages. */
    String where() {
        return "host " + host + " (" + hostname + ":" + port + ")";
    }

    @Override
    public String toString() {
        return "TelnetOptions[host=" + host + ", hostname=" + hostname + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "null" : "********") + ", platform=" + platform
                + ", timeouts(connect=" + connectTimeout + ", login=" + loginTimeout + ", read=" + readTimeout
                + ", command=" + commandTimeout + "), platformProfile=" + platformProfile + ", maxOutput="
                + OutputSize.describe(maxOutput) + "]";
    }

    /** Reads typed extras, failing with the host, the key, the bad value and what would be right. */
    private record Reader(String host, Map<String, Object> extras) {

        ConnectionException invalid(String key, Object value, String expected) {
            return new ConnectionException(FailureKind.VALIDATION, "host " + host + ": " + key + " must be "
                    + expected + ", got \"" + value + "\"");
        }

        String string(String key) throws ConnectionException {
            Object value = extras.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof String || value instanceof Number) {
                return String.valueOf(value);
            }
            throw invalid("extras." + key, value, "a string");
        }

        Duration seconds(String key, Duration fallback) throws ConnectionException {
            Object value = extras.get(key);
            if (value == null) {
                return fallback;
            }
            double seconds;
            try {
                seconds = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                throw invalid("extras." + key, value, "a number of seconds, e.g. 30");
            }
            if (Double.isNaN(seconds) || seconds <= 0 || seconds > 86_400) {
                throw invalid("extras." + key, value, "a positive number of seconds, at most 86400");
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        }

        long size(String key, long fallback) throws ConnectionException {
            Object value = extras.get(key);
            if (value == null) {
                return fallback;
            }
            boolean valid = value instanceof String || value instanceof Integer || value instanceof Long;
            OptionalLong size = valid ? OutputSize.parse(String.valueOf(value)) : OptionalLong.empty();
            return size.orElseThrow(() -> invalid("extras." + key, value, OutputSize.FORMAT));
        }
    }
}
