package io.genja.connection;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One configuration change on one device, from {@link DeviceCli#configure()} to {@link #close()}. What each
 * method does follows the platform's {@link #kind()} (docs/changes.md has the table):
 *
 * <ul>
 *   <li>{@link ConfigKind#RUNNING} (IOS): lines take effect as they are applied; {@link #commit()} does nothing,
 *       {@link #diff()} is empty, {@link #discard()}, {@link #rollback()} and the commit-confirmed methods are
 *       unsupported.</li>
 *   <li>{@link ConfigKind#CANDIDATE} and {@link ConfigKind#SESSION} (IOS-XR, Junos, EOS): lines go to a candidate;
 *       {@link #diff()} shows it, {@link #commit()} applies it, {@link #discard()} throws it away.</li>
 *   <li>{@link ConfigKind#CHECKPOINT} (NX-OS): lines take effect as they are applied; the checkpoint taken on
 *       entering is what {@link #discard()} and {@link #rollback()} restore and what {@link #diff()} compares to.</li>
 * </ul>
 *
 * <pre>{@code
 * try (ConfigSession change = context.cli().configure()) {
 *     change.apply(List.of("ntp server 192.0.2.1"));
 *     Optional<String> diff = change.diff();
 *     change.commitConfirmed(Duration.ofMinutes(5));
 *     change.confirm();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one task uses it. One session at a time per connection: {@link DeviceCli#configure()} fails
 * with {@code VALIDATION} while another is open. Commands sent through the {@link DeviceCli} meanwhile run in
 * configuration mode.
 */
public interface ConfigSession extends AutoCloseable {

    /** How this platform's changes take effect. */
    ConfigKind kind();

    /**
     * Sends configuration lines in order and returns the lines applied (all of them on success). Stops at the
     * first line whose output matches one of the profile's {@code error_patterns}: on a candidate platform the
     * candidate is then discarded (nothing applied), on NX-OS the checkpoint is restored, on IOS the lines
     * before it stay applied; in every case the session leaves configuration mode and this session is closed.
     *
     * @throws ConfigRejectedException naming the line, the device's message and the lines applied before it
     */
    List<String> apply(List<String> lines) throws ConnectionException;

    /**
     * What the change would do (or did, on NX-OS), as the device shows it: the candidate's diff, the session's
     * diffs, the difference to the checkpoint. Empty on {@link ConfigKind#RUNNING} platforms, which have no diff,
     * and when the device shows no difference.
     */
    Optional<String> diff() throws ConnectionException;

    /** Makes the change permanent in the running configuration; does nothing where lines took effect already. */
    void commit() throws ConnectionException;

    /**
     * Commits so that the device rolls the change back on its own after {@code timer} unless {@link #confirm()}
     * comes first (Junos counts whole minutes: the timer is rounded up). The session stays open for
     * {@link #confirm()}; closing it without confirming leaves the timer running on the device.
     *
     * @throws ConnectionException {@code UNSUPPORTED} on platforms without a commit-confirmed
     */
    void commitConfirmed(Duration timer) throws ConnectionException;

    /** Confirms a {@link #commitConfirmed} so that the device keeps the change. */
    void confirm() throws ConnectionException;

    /** Throws the uncommitted change away (candidate platforms) or restores the checkpoint (NX-OS). */
    void discard() throws ConnectionException;

    /** Undoes the last commit (candidate platforms) or restores the checkpoint (NX-OS). */
    void rollback() throws ConnectionException;

    /** Copies the running configuration to the startup configuration, answering the platform's prompts. */
    void save() throws ConnectionException;

    /**
     * Leaves configuration mode, discarding anything not committed; calling it again does nothing. The CLI is
     * back in privileged mode for the next command.
     */
    @Override
    void close() throws ConnectionException;
}
