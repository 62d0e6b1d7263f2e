package io.genja.telnet;

import io.genja.connection.ConnectionException;
import io.genja.device.OutputSize;
import io.genja.device.connection.ExtrasReader;
import io.genja.inventory.ResolvedConnectionParams;
import java.nio.file.Path;
import java.time.Duration;

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
        ExtrasReader r = new ExtrasReader(host, params.extras());
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
}
