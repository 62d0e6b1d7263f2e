package io.genja.connection;


/**
 * A device's command line over whatever transport the connection uses (an SSH shell today, Telnet next), as
 * {@link io.genja.connection.Connection#cli()} and {@link io.genja.task.TaskRuntimeContext#cli()} offer it.
 * Everything the platform does differently (prompts, how to reach privileged and configuration mode, candidate
 * or not) comes from the host's platform profile, so a task written against this interface runs on every
 * platform and transport.
 *
 * <p>Calls are serialised per connection: one command runs at a time. At most one {@link ConfigSession} is open
 * per connection. Failures are {@link ConnectionException}s: {@code TIMEOUT} when the output did not end
 * in time, {@code CONNECTION} when the session broke, {@code COMMAND} when the device rejected a command
 * ({@link ConfigRejectedException} for a configuration line), {@code UNSUPPORTED} when the platform cannot do it.
 */
public interface DeviceCli {

    /** The platform profile's name, e.g. {@code cisco_ios}. */
    String platform();

    /**
     * Sends one command and returns its output (without the echo and the prompt). The output is returned as
     * the device printed it even when it holds an error message; use {@link ConfigSession#apply} for lines that
     * must succeed.
     */
    String send(CliCommand command) throws ConnectionException;

    /** {@link #send(CliCommand)} with the connection's defaults. */
    default String send(String command) throws ConnectionException {
        return send(CliCommand.of(command));
    }

    /** The level the session is in now, as the last prompt shows it. */
    CliMode mode();

    /**
     * Reaches privileged mode: does nothing when already there, else sends the profile's enable command and
     * answers its password prompt with the connection's secret ({@code secret}, or {@code enable_secret}, in the
     * connection options' extras; {@code ${env:…}} and {@code ${file:…}} references resolve). The secret is never
     * printed, logged or put in a message.
     *
     * @throws ConnectionException {@code AUTHENTICATION} when the device refuses the secret,
     *     {@code VALIDATION} when a secret is needed and none is configured, {@code UNSUPPORTED} when the
     *     profile describes no way to enable
     */
    void enable() throws ConnectionException;

    /** How this platform's configuration changes take effect (its profile's {@code config.model}). */
    ConfigKind configKind();

    /**
     * Enters configuration mode the platform's way ({@code configure terminal}, {@code configure private},
     * {@code configure session <name>}, a checkpoint first on NX-OS), reaching privileged mode first if needed.
     * Close the session (try-with-resources) to leave configuration mode; anything not committed is discarded.
     *
     * @throws ConnectionException {@code UNSUPPORTED} when {@link #configKind()} is {@link ConfigKind#NONE}
     */
    ConfigSession configure() throws ConnectionException;

    /**
     * The device's configuration as text: the running or startup configuration, or the candidate of the open
     * {@link ConfigSession}.
     *
     * @throws ConnectionException {@code UNSUPPORTED} for {@link ConfigSource#CANDIDATE} without an open session
     *     of a platform with a candidate, or for a source the platform does not have
     */
    String config(ConfigSource source) throws ConnectionException;
}
