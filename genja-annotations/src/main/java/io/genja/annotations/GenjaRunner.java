package io.genja.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code io.genja.runner.Runner} implementation. The processor registers it for {@code ServiceLoader} and indexes its
 * name; at run time {@code PluginManager} refuses the class when {@code name()} returns another name than this one
 * (hence runtime retention).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface GenjaRunner {

    /** The name {@code runner.plugin} in the settings and {@code RunOptions.runner} give, for example {@code "threaded"}; the class's {@code name()} returns the same. */
    String name();
}
