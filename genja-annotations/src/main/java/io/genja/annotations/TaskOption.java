package io.genja.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link GenjaTask} class as an option of the run ({@code genja run task -o name=value}).
 * Supported types: {@code String}, primitives and their boxes, enums, {@code Duration}, {@code Path} and
 * {@code List<String>}. The field must be neither static, final nor private.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.CLASS)
public @interface TaskOption {

    /** The option's name; when empty, the field name in snake_case ({@code maxLines} becomes {@code max_lines}). */
    String name() default "";

    /** When true, a run without this option fails before any host is touched. */
    boolean required() default false;

    /** One line for {@code genja tasks} and the catalog. */
    String description() default "";
}
