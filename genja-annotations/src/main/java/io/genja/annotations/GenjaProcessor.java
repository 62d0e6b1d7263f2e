package io.genja.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code io.genja.task.TaskProcessor} implementation: hooks that run around tasks and hosts.
 * The processor registers it for {@code ServiceLoader} and indexes its name for compile-time checks; at run time
 * {@code PluginManager} refuses the class when {@code name()} returns another name (hence runtime retention).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface GenjaProcessor {

    /** The name tasks use in {@link GenjaTask#processors()}, for example {@code "audit"}. */
    String name();
}
