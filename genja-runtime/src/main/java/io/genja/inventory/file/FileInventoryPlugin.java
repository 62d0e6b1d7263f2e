package io.genja.inventory.file;

import io.genja.annotations.GenjaInventoryPlugin;
import io.genja.inventory.Inventory;
import io.genja.inventory.InventoryException;
import io.genja.inventory.InventoryPlugin;
import io.genja.document.Suggestions;
import io.genja.settings.section.SettingsSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The built-in inventory plugin: hosts, groups and defaults files in the SimpleInventory layout. Options:
 * {@code hosts_file} (default {@code hosts.yaml}), {@code groups_file} and {@code defaults_file} (default
 * {@code groups.yaml} and {@code defaults.yaml}, used only when they exist), relative to the settings file.
 */
@GenjaInventoryPlugin(name = FileInventoryPlugin.NAME)
public final class FileInventoryPlugin implements InventoryPlugin {

    public static final String NAME = "FileInventoryPlugin";
    private static final List<String> OPTIONS = List.of("hosts_file", "groups_file", "defaults_file");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> optionNames() {
        return OPTIONS;
    }

    /** Each option is a file path. */
    @Override
    public void checkOptions(SettingsSection options) {
        OPTIONS.forEach(options::text);
    }

    @Override
    public Inventory load(Map<String, Object> options, Path baseDirectory) {
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw InventoryException.of("unknown option \"" + key + "\" in inventory.options of " + NAME
                        + Suggestions.didYouMean(key, OPTIONS) + " (known: " + String.join(", ", OPTIONS) + ")");
            }
        }
        Path hosts = path(options, "hosts_file", "hosts.yaml", baseDirectory, true);
        Path groups = path(options, "groups_file", "groups.yaml", baseDirectory, false);
        Path defaults = path(options, "defaults_file", "defaults.yaml", baseDirectory, false);
        return Inventory.load(hosts, groups, defaults);
    }

    /** The option's path, or the default file (an optional default only when it exists). */
    private static Path path(Map<String, Object> options, String key, String fallback, Path base, boolean required) {
        Object value = options.get(key);
        if (value == null) {
            Path path = base.resolve(fallback);
            return required || Files.exists(path) ? path : null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw InventoryException.of("inventory.options." + key + " must be a file path, not " + value);
        }
        return base.resolve(text);
    }
}
