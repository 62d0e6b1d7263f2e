package io.genja.ssh;

import io.genja.connection.ConnectionException;
import io.genja.device.Mode;
import io.genja.device.OutputSize;
import io.genja.device.connection.ExtrasReader;
import io.genja.inventory.ResolvedConnectionParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one ssh connection: the resolved inventory parameters plus the plugin's
 * {@code extras}, checked. {@link #toString()} never shows the password or the passphrase.
 *
 * @param host the inventory name of the host, for messages
 * @param username the user, or {@code null}: then the ssh config's {@code User}, else the local user name
 * @param platform the {@code platform} (or {@code extras.device_type}), or {@code null}
 * @param mode {@code extras.mode}, or {@code null} for the platform profile's default
 * @param keepalive {@code extras.keepalive}: the interval of keep-alive requests on the session, zero for none
 * @param keepaliveCountMax {@code extras.keepalive_count_max}: this many unanswered keep-alive requests in a row
 *     close the session, as OpenSSH's {@code ServerAliveCountMax}
 * @param env {@code extras.env}, sent as environment requests; empty when not set
 * @param maxOutput {@code extras.max_output} (or the settings' {@code ssh.max_output}): the most bytes one command
 *     may print, stdout and stderr together; a command that prints more fails and its channel (or shell) is closed
 */
public record SshOptions(String host, String hostname, int port, String username, String password, String platform,
                         Mode mode, Duration connectTimeout, Duration authTimeout, Duration readTimeout,
                         Duration commandTimeout, Duration keepalive, int keepaliveCountMax, Path privateKeyFile,
                         String passphrase,
                         List<Path> knownHostsFiles, HostKeyChecking hostKeyChecking,
                         Set<AlgorithmCategory> legacyAlgorithms, Path sshConfigFile, Map<String, String> env,
                         Path platformProfile, long maxOutput) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** The output cap unless {@code extras.max_output} or {@code ssh.max_output} says otherwise: 64 MiB. */
    public static final long DEFAULT_MAX_OUTPUT = 64L * 1024 * 1024;

    public SshOptions {
        knownHostsFiles = List.copyOf(knownHostsFiles);
        legacyAlgorithms = legacyAlgorithms.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(legacyAlgorithms));
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /**
     * Reads the options of {@code host} from its resolved parameters.
     *
     * @throws ConnectionException of kind {@code VALIDATION} naming the extra that is wrong and what is expected
     */
    public static SshOptions from(String host, ResolvedConnectionParams params) throws ConnectionException {
        Map<String, Object> extras = params.extras();
        Reader r = new Reader(host, extras);
        Duration timeout = r.seconds("timeout", DEFAULT_TIMEOUT);
        String hostname = params.hostname() != null ? params.hostname() : host;
        int port = params.port() != null ? params.port() : 22;
        if (port < 1 || port > 65535) {
            throw r.invalid("port", port, "a TCP port between 1 and 65535");
        }
        String platform = params.platform() != null ? params.platform() : r.string("device_type");
        Mode mode = null;
        String modeName = r.string("mode");
        if (modeName != null) {
            mode = Mode.parse(modeName).orElseThrow(() -> r.invalid("extras.mode", modeName, "exec or shell"));
        }
        HostKeyChecking checking = HostKeyChecking.YES;
        Object checkingValue = extras.get("strict_host_key_checking");
        if (checkingValue != null) {
            checking = HostKeyChecking.parse(checkingValue).orElseThrow(() -> r.invalid(
                    "extras.strict_host_key_checking", checkingValue, "yes, accept-new or no"));
        }
        List<Path> knownHosts = r.paths("known_hosts_file");
        if (knownHosts.isEmpty()) {
            knownHosts = List.of(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
        }
        return new SshOptions(host, hostname, port, params.username(), params.password(), platform, mode,
                r.seconds("connect_timeout", timeout), r.seconds("auth_timeout", timeout),
                r.seconds("read_timeout", timeout), r.seconds("command_timeout", timeout),
                r.secondsOrOff("keepalive", Duration.ZERO), r.positiveInt("keepalive_count_max", 3),
                r.path("private_key_file"), r.string("passphrase"),
                knownHosts, checking, r.legacy(), r.path("ssh_config_file"), r.env(), r.path("platform_profile"),
                r.size("max_output", DEFAULT_MAX_OUTPUT));
    }

    /** {@code host (hostname:port)}, for messages. */
    String where() {
        return "host " + host + " (" + hostname + ":" + port + ")";
    }

    @Override
    public String toString() {
        return "SshOptions[host=" + host + ", hostname=" + hostname + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "null" : "********") + ", platform=" + platform
                + ", mode=" + mode + ", timeouts(connect=" + connectTimeout + ", auth=" + authTimeout + ", read="
                + readTimeout + ", command=" + commandTimeout + "), keepalive=" + keepalive + " x " + keepaliveCountMax
                + ", privateKeyFile="
                + privateKeyFile + ", passphrase=" + (passphrase == null ? "null" : "********")
                + ", knownHostsFiles=" + knownHostsFiles + ", hostKeyChecking=" + hostKeyChecking
                + ", legacyAlgorithms=" + legacyAlgorithms + ", sshConfigFile=" + sshConfigFile
                + ", env=" + env.keySet() + ", platformProfile=" + platformProfile
                + ", maxOutput=" + OutputSize.describe(maxOutput) + "]";
    }

    /** Reads typed extras, failing with the host, the key, the bad value and what would be right. */
    private static final class Reader extends ExtrasReader {

        Reader(String host, Map<String, Object> extras) {
            super(host, extras);
        }

        Path path(String key) throws ConnectionException {
            String value = string(key);
            return value == null ? null : expandHome(value);
        }

        List<Path> paths(String key) throws ConnectionException {
            Object value = extras.get(key);
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list) {
                List<Path> paths = new ArrayList<>();
                for (Object item : list) {
                    if (!(item instanceof String s)) {
                        throw invalid("extras." + key, value, "a path or a list of paths");
                    }
                    paths.add(expandHome(s));
                }
                return paths;
            }
            return List.of(path(key));
        }

        int positiveInt(String key, int fallback) throws ConnectionException {
            Object value = extras.get(key);
            if (value == null) {
                return fallback;
            }
            try {
                long number = value instanceof Integer || value instanceof Long ? ((Number) value).longValue()
                        : Long.parseLong(String.valueOf(value).strip());
                if (number >= 1 && number <= 1000) {
                    return (int) number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid("extras." + key, value, "a whole number between 1 and 1000");
        }

        Set<AlgorithmCategory> legacy() throws ConnectionException {
            Object value = extras.get("legacy_algorithms");
            if (value == null || Boolean.FALSE.equals(value)) {
                return Set.of();
            }
            if (Boolean.TRUE.equals(value) || "all".equals(value)) {
                return EnumSet.allOf(AlgorithmCategory.class);
            }
            List<?> names = value instanceof List<?> list ? list : List.of(String.valueOf(value).split(","));
            EnumSet<AlgorithmCategory> categories = EnumSet.noneOf(AlgorithmCategory.class);
            for (Object name : names) {
                categories.add(AlgorithmCategory.parse(String.valueOf(name)).orElseThrow(() -> invalid(
                        "extras.legacy_algorithms", name, "a list of kex, host_key, cipher, mac (or true for all)")));
            }
            return categories;
        }

        Map<String, String> env() throws ConnectionException {
            Object value = extras.get("env");
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw invalid("extras.env", value, "a map of variable names to values");
            }
            Map<String, String> env = new LinkedHashMap<>();
            map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
            return env;
        }

        private static Path expandHome(String path) {
            if (path.equals("~") || path.startsWith("~/")) {
                return Path.of(System.getProperty("user.home") + path.substring(1));
            }
            return Path.of(path);
        }
    }
}
