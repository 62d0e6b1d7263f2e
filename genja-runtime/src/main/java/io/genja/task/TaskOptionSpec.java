package io.genja.task;

import java.util.Objects;

/**
 * One {@code @TaskOption} of a task.
 *
 * @param name the option's name, as given with {@code -o name=value}
 * @param type the field's Java type as written in source, for example {@code int}, {@code java.time.Duration}
 *     or {@code java.util.List<java.lang.String>}
 * @param required whether a run must give it
 * @param description one line, may be empty
 */
public record TaskOptionSpec(String name, String type, boolean required, String description) {

    public TaskOptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }
}
