package io.genja.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code io.genja.inventory.InventoryPlugin} implementation. The processor registers it for {@code ServiceLoader} and indexes its
 * name; at run time {@code PluginManager} refuses the class when {@code name()} returns another name than this one
 * (hence runtime retention).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface GenjaInventoryPlugin {

    /** The name {@code inventory.plugin} gives in the settings, for example {@code "FileInventoryPlugin"}; the class's {@code name()} returns the same. */
    String name();
}
