package io.genja.cli;

import io.genja.Genja;
import io.genja.inventory.Inventory;
import io.genja.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The settings and inventory a command works on, from the configuration file or injected by an embedding
 * application.
 *
 * @param configFile the configuration file read, or {@code null} when there was none
 */
record Workspace(Settings settings, Inventory inventory, Path configFile) {

    /**
     * Loads what {@code command}'s options and environment point at.
     *
     * @throws CliException when there is no configuration or it does not exist
     */
    static Workspace load(GenjaCommand command) {
        CliContext context = command.context();
        Path file = command.configFile();
        if (file != null && !Files.isRegularFile(file)) {
            throw new CliException("configuration file " + file + " does not exist");
        }
        if (context.injectedInventory().isPresent()) {
            Settings settings = file != null ? loadSettings(file) : Settings.defaults();
            return new Workspace(settings, context.injectedInventory().get(), file);
        }
        if (file == null) {
            throw new CliException("no configuration: give -c config.yaml or set GENJA_CONFIG (there is no config.yaml in "
                    + context.workingDirectory() + ")");
        }
        Settings settings = loadSettings(file);
        return new Workspace(settings, loadInventory(settings, file), file);
    }

    /** A {@link Genja} over this workspace with the command's plugins and task catalog. */
    Genja open(CliContext context) {
        return Genja.builder(inventory).settings(settings).plugins(context.plugins()).catalog(context.catalog()).build();
    }

    private static Settings loadSettings(Path file) {
        // Settings.load(Path) lands with the inventory work (DESIGN §7).
        throw new CliException("cannot read " + file + ": this build has no configuration loader yet");
    }

    private static Inventory loadInventory(Settings settings, Path file) {
        // The inventory files named by the settings (DESIGN §5, §7) land with the inventory work.
        throw new CliException("cannot read the inventory of " + file + ": this build has no inventory loader yet");
    }
}
