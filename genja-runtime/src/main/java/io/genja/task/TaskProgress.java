package io.genja.task;

import java.util.Objects;

/**
 * How far a long step of a task is on one host, e.g. the bytes of a file copied so far, as
 * {@link TaskRuntimeContext#progress} reports it to processors ({@link TaskProcessor#onHostProgress}).
 *
 * @param step what is in progress, e.g. {@code upload image.bin}
 * @param done how much is done, in {@code unit}s
 * @param total how much there is in all, in {@code unit}s
 * @param unit what is counted, e.g. {@code bytes}
 */
public record TaskProgress(String step, long done, long total, String unit) {

    /** The unit of file copies. */
    public static final String BYTES = "bytes";

    public TaskProgress {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(unit, "unit");
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("progress counts must not be negative, got " + done + "/" + total);
        }
    }

    /** Whether the step is complete. */
    public boolean isComplete() {
        return done >= total;
    }
}
