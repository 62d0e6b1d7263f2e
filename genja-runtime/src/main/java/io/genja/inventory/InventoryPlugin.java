package io.genja.inventory;

import io.genja.settings.section.SettingsSection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where an inventory comes from, chosen by {@code inventory.plugin} in the settings. Every plugin, the built-in
 * {@code FileInventoryPlugin} ({@link io.genja.inventory.FileInventoryPlugin}) too, is registered for
 * {@link java.util.ServiceLoader} under this interface (annotate it with
 * {@link io.genja.annotations.GenjaInventoryPlugin} and the processor does it) or with {@code PluginManager.register},
 * and found by name.
 *
 * <p>A plugin that declares its {@link #optionNames()} gets its {@code inventory.options} checked when the settings
 * are read: an unknown key is reported with its line and a "did you mean", and {@link #checkOptions} checks the
 * values where they are written.
 */
public interface InventoryPlugin {

    /** The name settings use, e.g. {@code FileInventoryPlugin}. */
    String name();

    /**
     * Loads the inventory.
     *
     * @param options {@code inventory.options} from the settings (plain YAML values)
     * @param baseDirectory the settings file's directory: relative paths in {@code options} start there
     * @throws InventoryException for every problem with the options or the inventory
     */
    Inventory load(Map<String, Object> options, Path baseDirectory);

    /**
     * The keys {@code inventory.options} may hold, in the order messages list them. The default, none declared,
     * passes any options to {@link #load} unchecked (for plugins that take free-form options).
     */
    default List<String> optionNames() {
        return List.of();
    }

    /**
     * Checks the values of {@code inventory.options} where the user wrote them (unknown keys are already reported),
     * reading them through {@code options}' typed getters, which record each wrong value with its line; called when
     * the settings are read, only when {@link #optionNames()} declares names. The default checks nothing.
     */
    default void checkOptions(SettingsSection options) {
    }
}
