package io.genja.device.session;

import io.genja.device.CliRequest;
import io.genja.device.ConfigModel;
import io.genja.device.PlatformProfile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The transport-independent logic of a device CLI session: sends requests, knows the privilege level from the
 * prompt, reaches privileged mode with the enable secret, reads configurations and starts
 * {@linkplain ConfigChange configuration changes}, all as the platform's profile describes. Calls are serialised.
 *
 * <pre>{@code
 * CliSession session = new CliSession(profile, transport, "host r1", () -> secret);
 * session.enable();
 * try (ConfigChange change = session.configure()) { change.apply(List.of("ntp server 192.0.2.1")); }
 * }</pre>
 */
public final class CliSession {

    private final PlatformProfile profile;
    private final CliTransport transport;
    private final String where;
    private final Supplier<String> secret;
    /** Guarded by {@code this}. */
    private ConfigChange open;

    /**
     * @param where names the host in messages, e.g. {@code host r1 (10.0.0.1:22)}
     * @param secret the enable secret, or a supplier of {@code null} when none is configured
     */
    public CliSession(PlatformProfile profile, CliTransport transport, String where, Supplier<String> secret) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.where = Objects.requireNonNull(where, "where");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    public PlatformProfile profile() {
        return profile;
    }

    /** Sends one request as it is; the output is returned even when it holds an error message. */
    public synchronized String send(CliRequest request) throws DeviceCliException {
        return transport.send(request);
    }

    /**
     * The level the last prompt shows; {@link CliLevel#PRIVILEGED} when the profile describes no levels (or none
     * matches), as a session that runs commands is.
     */
    public synchronized CliLevel level() {
        String prompt = transport.lastPrompt();
        if (prompt == null) {
            return CliLevel.PRIVILEGED;
        }
        return profile.privilege().levelOf(prompt).map(l -> switch (l.name()) {
            case "user" -> CliLevel.USER;
            case "config" -> CliLevel.CONFIG;
            default -> CliLevel.PRIVILEGED;
        }).orElse(CliLevel.PRIVILEGED);
    }

    /**
     * Reaches privileged mode: nothing to do at the privileged or config level; from the user level, the
     * profile's enable command, answering its password prompt with the secret.
     */
    public synchronized void enable() throws DeviceCliException {
        if (level() != CliLevel.USER) {
            return;
        }
        PlatformProfile.Enable enable = profile.privilege().enable();
        if (enable == null) {
            throw new DeviceCliException(DeviceCliException.Kind.UNSUPPORTED, where + ": the session is at the user "
                    + "level and platform " + profile.name() + "'s profile describes no privilege.enable command");
        }
        String value = secret.get();
        String output;
        if (value == null) {
            // Ends at the password prompt or at the prompt: a device without an enable secret needs none.
            Pattern either = Pattern.compile("(?:" + enable.secretPrompt().pattern() + ")|(?:"
                    + profile.prompt().pattern() + ")");
            output = transport.send(new CliRequest(enable.command(), null, either, List.of()));
            if (enable.secretPrompt().matcher(lastLine(output)).find()) {
                transport.send(new CliRequest("", null, null, List.of())); // an empty secret: refused, back at the prompt
                throw new DeviceCliException(DeviceCliException.Kind.VALIDATION, where + ": \"" + enable.command()
                        + "\" asks for a secret and none is configured; set connection_options extras \"secret\" "
                        + "(or \"enable_secret\"), e.g. secret: ${env:ENABLE_SECRET}");
            }
        } else {
            output = transport.send(new CliRequest(enable.command(), null, null,
                    List.of(new CliRequest.Answer(enable.secretPrompt(), value, true))));
        }
        boolean refused = enable.failure() != null && enable.failure().matcher(output).find();
        if (refused || level() == CliLevel.USER) {
            throw new DeviceCliException(DeviceCliException.Kind.AUTHENTICATION, where + ": the device refused the "
                    + "enable secret" + (refused ? "" : " (the prompt still shows the user level: "
                    + transport.lastPrompt() + ")") + "; check connection_options extras \"secret\"");
        }
    }

    /**
     * Enters configuration mode the platform's way (privileged mode first if needed) and returns the change.
     *
     * @throws DeviceCliException {@code UNSUPPORTED} without a configuration model, {@code VALIDATION} while
     *     another change is open, {@code COMMAND} when the device refuses to enter configuration mode
     */
    public synchronized ConfigChange configure() throws DeviceCliException {
        if (profile.config().kind() == ConfigModel.Kind.NONE) {
            throw new DeviceCliException(DeviceCliException.Kind.UNSUPPORTED, where + ": platform " + profile.name()
                    + "'s profile describes no configuration model (config.model), so it cannot be changed "
                    + "through the configuration API");
        }
        if (open != null && !open.isClosed()) {
            throw new DeviceCliException(DeviceCliException.Kind.VALIDATION, where + ": a configuration session is "
                    + "already open on this connection; close it first");
        }
        enable();
        open = ConfigChange.enter(this);
        return open;
    }

    /** The running configuration (the profile's {@code config.show_running}). */
    public synchronized String runningConfig() throws DeviceCliException {
        return show(profile.config().showRunning(), "show_running", "running");
    }

    /** The startup configuration (the profile's {@code config.show_startup}). */
    public synchronized String startupConfig() throws DeviceCliException {
        return show(profile.config().showStartup(), "show_startup", "startup");
    }

    /** The candidate of the open change; unsupported without one on a platform with a candidate. */
    public synchronized String candidateConfig() throws DeviceCliException {
        if (open == null || open.isClosed() || !open.hasCandidate()) {
            throw new DeviceCliException(DeviceCliException.Kind.UNSUPPORTED, where + ": there is no candidate "
                    + "configuration to show: only inside an open configuration session on a platform with a "
                    + "candidate (IOS-XR, Junos, EOS)");
        }
        return show(profile.config().showCandidate(), "show_candidate", "candidate");
    }

    /** The change open now, if any. */
    public synchronized Optional<ConfigChange> openChange() {
        return open == null || open.isClosed() ? Optional.empty() : Optional.of(open);
    }

    private String show(String command, String field, String what) throws DeviceCliException {
        if (command == null) {
            throw new DeviceCliException(DeviceCliException.Kind.UNSUPPORTED, where + ": platform " + profile.name()
                    + " has no " + what + " configuration command (config." + field + " in its profile)");
        }
        String output = transport.send(CliRequest.of(command));
        Optional<String> error = profile.errorLine(output);
        if (error.isPresent()) {
            throw new DeviceCliException(DeviceCliException.Kind.COMMAND, where + ": \"" + command
                    + "\" was rejected by the device: " + error.get());
        }
        return output;
    }

    CliTransport transport() {
        return transport;
    }

    String where() {
        return where;
    }

    private static String lastLine(String output) {
        String trimmed = output.stripTrailing();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }
}
