package io.genja.testkit;

import java.util.List;

/**
 * A simulated device going back to an earlier configuration, as {@link SimulatedDevice#rollbacks()} reports it.
 *
 * @param cause what rolled the configuration back
 * @param command the command that did it, e.g. {@code rollback configuration last 1}; for a timer, the
 *                commit-confirmed command that was not confirmed
 * @param changes what the rollback changed in the running configuration ({@code +}/{@code -} lines as in
 *                {@link Commit#changes()})
 */
public record Rollback(Cause cause, String command, List<String> changes) {

    public Rollback {
        changes = List.copyOf(changes);
    }

    /** What rolled a configuration back. */
    public enum Cause {
        /** A commit-confirmed's timer ran out before a confirmation. */
        TIMER,
        /** A rollback command: XR's {@code rollback configuration last N}, Junos's {@code rollback N} + commit. */
        COMMAND,
        /** NX-OS's {@code rollback running-config checkpoint NAME}. */
        CHECKPOINT
    }
}
