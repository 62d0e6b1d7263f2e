package io.genja.testkit;

import io.genja.device.PlatformProfile;
import io.genja.device.PlatformProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One platform as a simulated device plays it: the prompt, paging and error text come from the platform's profile
 * (genja-device, the same file the ssh plugin reads), and the command outputs from the optional resource
 * {@code META-INF/genja/simulated/<platform>.yaml}. A platform without that resource answers with generic outputs.
 * Texts may hold {@code {host}}, {@code {user}}, {@code {platform}}, {@code {serial}}, {@code {mac}},
 * {@code {seed}}, {@code {args}}, {@code {command}}, {@code {word}}, {@code {caret}}, {@code {show_version}},
 * {@code {running_config}}, {@code {running_config_set}} (Junos's {@code display set}) and
 * {@code {startup_config}}; {@code {size}} stands for the length of the text after its line. The optional
 * {@code config:} section is the platform's {@link ConfigDialect}: how its configuration changes.
 */
final class SimulatedPlatform {

    /** Where a platform's simulated outputs live on the class path. */
    static final String OUTPUTS = "META-INF/genja/simulated/%s.yaml";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final List<String> FIELDS = List.of("commands_ignore_case", "exec_closes_session", "exec_newline",
            "page_length_commands", "logout_commands", "unknown_command", "commands", "show_version",
            "running_config", "config");
    /** Lines per page before the pager marker, as IOS's default terminal length. */
    private static final int DEFAULT_PAGE_LENGTH = 24;
    private static final Map<String, SimulatedPlatform> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private final PlatformProfile profile;
    private final String source;
    private final boolean ignoreCase;
    private final boolean execClosesSession;
    private final String execNewline;
    private final List<String> pageLengthCommands;
    private final List<String> logoutCommands;
    private final Map<String, Reply> commands = new LinkedHashMap<>();
    private final Reply unknownCommand;
    private final String showVersion;
    private final String runningConfig;
    private final ConfigDialect dialect;

    private SimulatedPlatform(PlatformProfile profile, Map<?, ?> outputs, String source) {
        this.profile = profile;
        this.source = source;
        for (Object key : outputs.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(source + ": unknown field \"" + key + "\"; known fields: "
                        + String.join(", ", FIELDS));
            }
        }
        this.ignoreCase = (Boolean) value(outputs, "commands_ignore_case", Boolean.class, true);
        this.execClosesSession = (Boolean) value(outputs, "exec_closes_session", Boolean.class, false);
        this.execNewline = (String) value(outputs, "exec_newline", String.class, "\n");
        // "terminal length 0" turns paging off; "terminal length N" sets the page length
        String pagingOff = profile.pagingOff().isEmpty() ? "" : profile.pagingOff().get(0);
        List<String> lengthDefault = pagingOff.matches(".*\\s\\d+") ? List.of(pagingOff.replaceAll("\\s+\\d+$", ""))
                : List.of();
        this.pageLengthCommands = strings(outputs, "page_length_commands", lengthDefault);
        this.logoutCommands = strings(outputs, "logout_commands", List.of("exit", "logout", "quit"));
        Map<?, ?> unknown = (Map<?, ?>) value(outputs, "unknown_command", Map.class, Map.of());
        String errorText = profile.samples().error() != null ? profile.samples().error() : "% Unknown command: {command}";
        Object stream = unknown.get("stream");
        Object exit = unknown.get("exit_status");
        this.unknownCommand = "stderr".equals(stream) ? Reply.error(errorText + "\n", exit instanceof Integer i ? i : 1)
                : new Reply(errorText + "\n", "", exit instanceof Integer i ? i : 0, false);
        Map<?, ?> commandMap = (Map<?, ?>) value(outputs, "commands", Map.class, Map.of(
                "show version", "{show_version}", "show running-config", "{running_config}"));
        for (Map.Entry<?, ?> entry : commandMap.entrySet()) {
            commands.put(key(String.valueOf(entry.getKey())), reply(String.valueOf(entry.getKey()), entry.getValue()));
        }
        this.showVersion = (String) value(outputs, "show_version", String.class,
                "{platform} simulated by the Genja testkit\nHostname: {host}\nSerial: {serial}\n");
        this.runningConfig = (String) value(outputs, "running_config", String.class, "hostname {host}\n!\nend\n");
        this.dialect = ConfigDialect.of(outputs.get("config"), source);
    }

    /**
     * The platform called {@code nameOrAlias}: its profile from the class path and its outputs, if any.
     *
     * @throws IllegalArgumentException for a platform no profile describes, listing the known ones
     */
    /** Whether the platform prints errors on stderr with an exit status (a Unix shell), not in its output. */
    boolean errorsOnStderr() {
        return !unknownCommand.stderr().isEmpty();
    }

    static SimulatedPlatform of(String nameOrAlias) {
        PlatformProfiles profiles = PlatformProfiles.builtIn();
        PlatformProfile profile = profiles.find(nameOrAlias).orElseThrow(() -> new IllegalArgumentException(
                "no platform profile is called \"" + nameOrAlias + "\"; known: " + String.join(", ", profiles.names())
                        + ". Add one as META-INF/genja/platforms/<name>.yaml plus its line in "
                        + PlatformProfiles.INDEX + " (docs/platforms.md)"));
        return CACHE.computeIfAbsent(profile.name(), name -> load(profile));
    }

    private static SimulatedPlatform load(PlatformProfile profile) {
        String resource = String.format(Locale.ROOT, OUTPUTS, profile.name());
        URL url = SimulatedPlatform.class.getClassLoader().getResource(resource);
        if (url == null) {
            return new SimulatedPlatform(profile, Map.of(), "generic outputs");
        }
        try (InputStream in = url.openStream()) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object document = new Yaml(new SafeConstructor(options)).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(url + " must be a YAML mapping of commands, show_version, ...");
            }
            return new SimulatedPlatform(profile, map, url.toString());
        } catch (YAMLException e) {
            throw new IllegalArgumentException(url + " is not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    PlatformProfile profile() {
        return profile;
    }

    /** How the platform's configuration changes, or {@code null} when its outputs do not say (it then cannot). */
    ConfigDialect dialect() {
        return dialect;
    }

    boolean execClosesSession() {
        return execClosesSession;
    }

    String execNewline() {
        return execNewline;
    }

    /** Lines per page when the session starts: 0 for a platform that never pages (its profile shows no marker). */
    int initialPageLength() {
        return profile.samples().more() == null ? 0 : DEFAULT_PAGE_LENGTH;
    }

    /** The pager marker as printed, or {@code null}. */
    String moreMarker() {
        return profile.samples().more();
    }

    /** The prompt after login: the profile's sample, else its login level's, else {@code host#}. */
    String prompt(SimulatedDevice device) {
        String sample = profile.samples().prompt();
        if (sample == null) {
            sample = Optional.ofNullable(profile.privilege().login()).flatMap(profile.privilege()::level)
                    .map(PlatformProfile.Level::sample).orElse("{host}#");
        }
        return fillPrompt(sample, device);
    }

    /** A prompt sample of the profile with the device's values, e.g. {@code r1(config-if)#}. */
    String fillPrompt(String sample, SimulatedDevice device) {
        return fill(sample, device.name(), device.username(), Map.of());
    }

    String showVersion(SimulatedDevice device) {
        return fill(showVersion, device, Map.of());
    }

    String runningConfig(String hostname) {
        return fillSize(fill(runningConfig, hostname, "admin", Map.of()));
    }

    /** The page length {@code command} sets, or -1 when it sets none. */
    int pageLength(String command) {
        String normalized = key(command);
        for (String prefix : pageLengthCommands) {
            String p = key(prefix) + " ";
            if (normalized.startsWith(p)) {
                try {
                    return Integer.parseInt(normalized.substring(p.length()).strip());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    boolean isLogout(String command) {
        return logoutCommands.stream().anyMatch(c -> key(c).equals(key(command)));
    }

    /** What the device answers to {@code command} (not empty, not a logout, not a page length). */
    Reply reply(String command, SimulatedDevice device, String prompt) {
        String key = key(command);
        String[] words = command.strip().split("\\s+", 2);
        Map<String, String> values = Map.of("command", command, "word", words[0],
                "args", words.length > 1 ? words[1] : "", "caret", " ".repeat(prompt.length()) + "^");
        Reply template = commands.get(key);
        if (template == null) {
            template = commands.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(" *") && (key + " ").startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (template == null) {
            template = unknownCommand;
        }
        return new Reply(fill(template.stdout(), device, values), fill(template.stderr(), device, values),
                template.exitStatus(), false);
    }

    private String key(String command) {
        String collapsed = command.strip().replaceAll("\\s+", " ");
        return ignoreCase ? collapsed.toLowerCase(Locale.ROOT) : collapsed;
    }

    private Reply reply(String command, Object value) {
        if (value instanceof String text) {
            return Reply.out(text);
        }
        if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(k -> List.of("stdout", "stderr", "exit_status").contains(k))) {
            Object stdout = map.get("stdout");
            Object stderr = map.get("stderr");
            return new Reply(stdout == null ? "" : String.valueOf(stdout), stderr == null ? "" : String.valueOf(stderr),
                    map.get("exit_status") instanceof Integer i ? i : 0, false);
        }
        throw new IllegalArgumentException(source + ": commands.\"" + command + "\" must be a text or a mapping of "
                + "stdout, stderr and exit_status, got " + value);
    }

    private String fill(String text, SimulatedDevice device, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("show_version", showVersion(device.name(), device.username()));
        all.put("running_config", device.runningConfig());
        if (text.contains("{startup_config}")) {
            all.put("startup_config", device.startupConfig());
        }
        if (text.contains("{running_config_set}")) {
            all.put("running_config_set", device.deviceConfig().displaySet());
        }
        return fill(text, device.name(), device.username(), all);
    }

    private String showVersion(String host, String user) {
        return fill(showVersion, host, user, Map.of());
    }

    private String fill(String text, String host, String user, Map<String, String> values) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        int hash = host.hashCode();
        Matcher m = PLACEHOLDER.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(switch (r.group(1)) {
            case "host" -> host;
            case "user" -> user;
            case "platform" -> profile.name();
            // derived from the name, so every device has its own and every run the same one
            case "serial" -> String.format(Locale.ROOT, "FOC%08X", hash);
            case "mac" -> String.format(Locale.ROOT, "%02X:%02X:%02X", (hash >> 16) & 0xff, (hash >> 8) & 0xff, hash & 0xff);
            case "seed" -> String.valueOf(Math.floorMod(hash, 250) + 1);
            default -> values.getOrDefault(r.group(1), r.group());
        }));
    }

    private static String fillSize(String text) {
        int at = text.indexOf("{size}");
        if (at < 0) {
            return text;
        }
        int lineEnd = text.indexOf('\n', at);
        int size = lineEnd < 0 ? 0 : text.length() - lineEnd - 1;
        return text.replace("{size}", String.valueOf(size));
    }

    private Object value(Map<?, ?> map, String field, Class<?> type, Object fallback) {
        Object value = map.get(field);
        if (value == null) {
            return fallback;
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(source + ": \"" + field + "\" must be a " + type.getSimpleName()
                    .toLowerCase(Locale.ROOT) + ", got " + value);
        }
        return value;
    }

    private List<String> strings(Map<?, ?> map, String field, List<String> fallback) {
        List<?> list = (List<?>) value(map, field, List.class, fallback);
        return list.stream().map(String::valueOf).toList();
    }
}
