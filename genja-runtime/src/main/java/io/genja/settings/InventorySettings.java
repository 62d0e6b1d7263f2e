package io.genja.settings;

import io.genja.GenjaException;
import io.genja.internal.document.FrozenMap;
import io.genja.document.Suggestions;
import io.genja.inventory.Inventory;
import io.genja.inventory.InventoryPlugin;
import io.genja.inventory.TransformFunction;
import io.genja.inventory.FileInventoryPlugin;
import io.genja.plugin.PluginManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code inventory} section: which inventory plugin loads the inventory, with which options, and which
 * transform function (with which options) changes it afterwards.
 *
 * @param options {@code inventory.options}, handed to the plugin as written
 * @param transformFunction {@code null} for none
 * @param baseDirectory where relative paths in the options start: the settings file's directory
 */
public record InventorySettings(String plugin, Map<String, Object> options, String transformFunction,
                                Map<String, Object> transformFunctionOptions, Path baseDirectory) {

    /** The file plugin with default options, paths relative to the working directory. */
    public static final InventorySettings DEFAULTS = new InventorySettings(FileInventoryPlugin.NAME, Map.of(), null,
            Map.of(), Path.of(""));

    public InventorySettings {
        Objects.requireNonNull(plugin, "plugin");
        options = FrozenMap.copyOf(options);
        transformFunctionOptions = FrozenMap.copyOf(transformFunctionOptions);
        Objects.requireNonNull(baseDirectory, "baseDirectory");
    }

    /**
     * Loads the inventory with the plugin registered in {@code plugins} under {@link #plugin()} (the built-in
     * {@code FileInventoryPlugin} is registered like any other, by {@link PluginManager#discover()}) and applies the
     * transform function, if one is configured.
     *
     * @throws GenjaException when the plugin or the transform function is not known
     * @throws io.genja.inventory.InventoryException for every problem of the inventory itself
     */
    public Inventory load(PluginManager plugins) {
        InventoryPlugin loader = plugins.findInventoryPlugin(plugin).orElseThrow(() -> {
            List<String> known = plugins.inventoryPluginNames();
            return new GenjaException("inventory.plugin: no inventory plugin \"" + plugin + "\" is registered"
                    + Suggestions.didYouMean(plugin, known) + " (known: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        });
        Inventory inventory = loader.load(options, baseDirectory);
        if (transformFunction == null) {
            return inventory;
        }
        TransformFunction transform = plugins.findTransformFunction(transformFunction).orElseThrow(() -> {
            List<String> known = plugins.transformFunctionNames();
            return new GenjaException("inventory.transform_function: no transform function \"" + transformFunction
                    + "\" is registered" + Suggestions.didYouMean(transformFunction, known) + " (known: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + "); register it in "
                    + "META-INF/services/" + TransformFunction.class.getName() + " or with PluginManager.register");
        });
        return Objects.requireNonNull(transform.transform(inventory, transformFunctionOptions),
                () -> "transform function \"" + transformFunction + "\" returned null");
    }
}
