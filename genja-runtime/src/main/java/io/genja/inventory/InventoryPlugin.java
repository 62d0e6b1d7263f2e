package io.genja.inventory;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an inventory comes from, chosen by {@code inventory.plugin} in the settings. The built-in one is
 * {@code FileInventoryPlugin} ({@link io.genja.inventory.file.FileInventoryPlugin}); others are registered for
 * {@link java.util.ServiceLoader} under this interface (or with {@code PluginManager.register}) and found by name.
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
}
