package io.genja.testkit;

import java.util.List;

/**
 * One commit on a simulated device with a candidate configuration (IOS-XR, Junos, an EOS session), as
 * {@link SimulatedDevice#commitHistory()} reports it.
 *
 * @param number 1 for the device's first commit, then 2, ...
 * @param command the command that committed, e.g. {@code commit confirmed 5}
 * @param changes what the commit changed: {@code +}/{@code -} lines, two spaces a level (a parent of a change
 *                unchanged itself starts with a space)
 * @param status where the commit stands now
 */
public record Commit(int number, String command, List<String> changes, Status status) {

    public Commit {
        changes = List.copyOf(changes);
    }

    /** Where a commit stands. */
    public enum Status {
        /** Applied and kept. */
        COMMITTED,
        /** A commit-confirmed whose timer is running: it rolls back unless confirmed in time. */
        AWAITING_CONFIRMATION,
        /** A commit-confirmed that was confirmed in time. */
        CONFIRMED,
        /** Undone: by its timer, or by a rollback command. */
        ROLLED_BACK
    }

    Commit withStatus(Status status) {
        return new Commit(number, command, changes, status);
    }
}
