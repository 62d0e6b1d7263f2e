package io.genja.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code io.genja.connection.ConnectionPlugin} implementation. The processor registers it for
 * {@code ServiceLoader} and indexes its name, so tasks compiled later, in any module, are checked against it. At run
 * time {@code PluginManager} refuses the class when {@code name()} returns another name (hence runtime retention).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface GenjaConnectionPlugin {

    /** The name tasks use in {@link GenjaTask#connectionPluginName()}, for example {@code "ssh"}. */
    String name();
}
