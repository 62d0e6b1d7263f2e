package io.genja.testkit;

import io.genja.device.PlatformProfile;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one CLI session on a simulated device stands: its privilege level, the configuration section it is in
 * ({@code interface Gi1/0/1}), the candidate it edits (none when lines change the running configuration
 * directly), the EOS configuration session's name, and the lines it sent in configuration mode. The prompt follows
 * from it: the profile's level samples, with the sub-mode in the parentheses ({@code r1(config-if)#}).
 */
final class ShellModes {

    private static final Pattern CONFIG_MODE = Pattern.compile("\\(config[^)]*\\)");

    private volatile ShellLevel level;
    private List<String> context = List.of();
    private ConfigTree candidate;
    private String sessionName;
    private boolean privateCandidate;
    private int configLines;

    ShellModes(ShellLevel login) {
        this.level = login;
    }

    /**
     * The level a session logs in at: {@code user} on a device with an enable secret, else {@code privileged} (the
     * profiles' {@code login} level of every network platform, and what the prompt sample shows).
     */
    static ShellLevel loginLevel(boolean enableSecret) {
        return enableSecret ? ShellLevel.USER : ShellLevel.PRIVILEGED;
    }

    ShellLevel level() {
        return level;
    }

    void level(ShellLevel level) {
        this.level = level;
    }

    List<String> context() {
        return context;
    }

    void context(List<String> context) {
        this.context = List.copyOf(context);
    }

    /** Enters configuration mode, editing {@code candidate} ({@code null}: the running configuration). */
    void configure(ConfigTree candidate, String sessionName) {
        configure(candidate, sessionName, false);
    }

    /** Enters configuration mode; a private candidate (Junos's configure private) refuses a commit-confirmed. */
    void configure(ConfigTree candidate, String sessionName, boolean privateCandidate) {
        this.privateCandidate = privateCandidate;
        this.level = ShellLevel.CONFIG;
        this.context = List.of();
        this.candidate = candidate;
        this.sessionName = sessionName;
        this.configLines = 0;
    }

    /** Back to the privileged level, leaving the candidate behind. */
    void leaveConfig() {
        this.level = ShellLevel.PRIVILEGED;
        this.context = List.of();
        this.candidate = null;
        this.sessionName = null;
    }

    ConfigTree candidate() {
        return candidate;
    }

    void candidate(ConfigTree candidate) {
        this.candidate = candidate;
    }

    boolean privateCandidate() {
        return privateCandidate;
    }

    String sessionName() {
        return sessionName;
    }

    /** Counts one more configuration line; returns how many this session sent since it entered the mode. */
    int countConfigLine() {
        return ++configLines;
    }

    /** The prompt for the current level; Junos's configuration prompt comes after its {@code [edit]} banner. */
    String prompt(SimulatedDevice device, SimulatedPlatform platform) {
        PlatformProfile.Privilege privilege = platform.profile().privilege();
        return switch (level) {
            case PRIVILEGED -> platform.prompt(device);
            case USER -> platform.fillPrompt(privilege.level("user").map(PlatformProfile.Level::sample)
                    .orElse("{host}>"), device);
            case CONFIG -> {
                String sample = privilege.level("config").map(PlatformProfile.Level::sample).orElse("{host}(config)#");
                String mode = sessionName == null ? "config" : "config-s-" + sessionName;
                ConfigDialect dialect = platform.dialect();
                if (!context.isEmpty() && dialect != null) {
                    mode += dialect.sectionOf(context.get(context.size() - 1)).map(s -> "-" + s).orElse("");
                }
                String prompt = platform.fillPrompt(CONFIG_MODE.matcher(sample)
                        .replaceFirst(Matcher.quoteReplacement("(" + mode + ")")), device);
                String banner = dialect == null ? "" : dialect.text("config_banner", Map.of());
                yield banner.isEmpty() ? prompt : banner.replace("\n", "\r\n") + "\r\n" + prompt;
            }
        };
    }
}
