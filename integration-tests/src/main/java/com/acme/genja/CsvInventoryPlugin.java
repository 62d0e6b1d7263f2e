package com.acme.genja;

import io.genja.annotations.GenjaInventoryPlugin;
import io.genja.inventory.Attributes;
import io.genja.inventory.Inventory;
import io.genja.inventory.InventoryException;
import io.genja.inventory.InventoryPlugin;
import io.genja.settings.section.SettingsSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Hosts from a CSV file, one {@code name,hostname,platform} line each, as a spreadsheet export gives them.
 * Options: {@code file} (required) and {@code default_platform}.
 */
@GenjaInventoryPlugin(name = "CsvInventory")
public final class CsvInventoryPlugin implements InventoryPlugin {

    @Override
    public String name() {
        return "CsvInventory";
    }

    @Override
    public List<String> optionNames() {
        return List.of("file", "default_platform");
    }

    @Override
    public void checkOptions(SettingsSection options) {
        if (options.path("file").isEmpty()) {
            options.problem("file", "CsvInventory needs the CSV file: file: hosts.csv");
        }
        options.text("default_platform");
    }

    @Override
    public Inventory load(Map<String, Object> options, Path baseDirectory) {
        Path file = baseDirectory.resolve(String.valueOf(options.get("file")));
        Object platform = options.get("default_platform");
        Inventory.Builder inventory = Inventory.builder();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                String hostPlatform = fields.length > 2 && !fields[2].isBlank() ? fields[2].strip()
                        : platform == null ? null : platform.toString();
                inventory.host(fields[0].strip(), Attributes.builder().hostname(fields[1].strip())
                        .platform(hostPlatform).build());
            }
        } catch (IOException e) {
            throw InventoryException.of("cannot read the CSV inventory " + file + ": " + e.getMessage());
        }
        return inventory.build();
    }
}
