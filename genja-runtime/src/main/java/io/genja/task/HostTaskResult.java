package io.genja.task;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one task on one host: {@link Passed}, {@link Failed} or {@link Skipped}.
 * Tasks build one with {@link #passed(TaskSuccess)}, {@link #failed(TaskFailure)} or {@link #skipped(TaskSkip)};
 * the runtime fills in the duration.
 */
public sealed interface HostTaskResult permits HostTaskResult.Passed, HostTaskResult.Failed, HostTaskResult.Skipped {

    static HostTaskResult passed(TaskSuccess success) {
        return new Passed(success, Duration.ZERO);
    }

    static HostTaskResult failed(TaskFailure failure) {
        return new Failed(failure, Duration.ZERO);
    }

    static HostTaskResult skipped(TaskSkip skip) {
        return new Skipped(skip, Duration.ZERO);
    }

    /** How long the task ran on the host. */
    Duration duration();

    /** A copy of this result with the given duration. */
    HostTaskResult withDuration(Duration duration);

    default boolean isPassed() {
        return this instanceof Passed;
    }

    default boolean isFailed() {
        return this instanceof Failed;
    }

    default boolean isSkipped() {
        return this instanceof Skipped;
    }

    /** The task succeeded. */
    record Passed(TaskSuccess success, Duration duration) implements HostTaskResult {
        public Passed {
            Objects.requireNonNull(success, "success");
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public Passed withDuration(Duration duration) {
            return new Passed(success, duration);
        }
    }

    /** The task, or reaching the host, failed. */
    record Failed(TaskFailure failure, Duration duration) implements HostTaskResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public Failed withDuration(Duration duration) {
            return new Failed(failure, duration);
        }
    }

    /** The task did not run on the host. */
    record Skipped(TaskSkip skip, Duration duration) implements HostTaskResult {
        public Skipped {
            Objects.requireNonNull(skip, "skip");
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public Skipped withDuration(Duration duration) {
            return new Skipped(skip, duration);
        }
    }
}
