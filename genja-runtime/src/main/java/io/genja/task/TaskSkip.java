package io.genja.task;

import java.util.Objects;

/**
 * Why a task did not run on a host.
 *
 * @param reason a short, stable reason, for example {@code "parent failed"} or {@code "failed earlier"}
 * @param message a readable explanation, or {@code null}
 */
public record TaskSkip(String reason, String message) {

    public TaskSkip {
        Objects.requireNonNull(reason, "reason");
    }

    public static TaskSkip of(String reason) {
        return new TaskSkip(reason, null);
    }
}
