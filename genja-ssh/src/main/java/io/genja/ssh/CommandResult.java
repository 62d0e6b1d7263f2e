package io.genja.ssh;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What one command produced: its output, its error output and its exit status. In shell mode everything the
 * device printed is {@code stdout} (a terminal has one stream) and there is no exit status.
 *
 * @param exitStatus the exit status, or {@code null} when the server sent none (shell mode, some devices)
 */
public record CommandResult(String host, String command, String stdout, String stderr, Integer exitStatus,
                            Duration duration) {

    public CommandResult {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** The exit status, when the server sent one. */
    public OptionalInt exit() {
        return exitStatus == null ? OptionalInt.empty() : OptionalInt.of(exitStatus);
    }

    /** Whether the command did not report a failure: exit status 0 or none. */
    public boolean succeeded() {
        return exitStatus == null || exitStatus == 0;
    }
}
