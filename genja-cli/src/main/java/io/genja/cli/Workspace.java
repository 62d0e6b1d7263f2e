package io.genja.cli;

import io.genja.Genja;
import io.genja.inventory.Inventory;
import io.genja.inventory.FileInventoryPlugin;
import io.genja.settings.InventorySettings;
import io.genja.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings and inventory a command works on, from the configuration file or injected by an embedding
 * application.
 *
 * @param configFile the configuration file read, or {@code null} when there was none
 */
record Workspace(Settings settings, Inventory inventory, Path configFile) {

    /**
     * Loads what {@code command}'s options and environment point at, and configures logging from the settings
     * before the inventory loads.
     *
     * @throws CliException when there is no configuration or it does not exist
     * @throws io.genja.settings.SettingsException for every problem of the settings
     * @throws io.genja.inventory.InventoryException for every problem of the inventory
     */
    static Workspace load(GenjaCommand command) {
        CliContext context = command.context();
        Path file = command.configFile();
        if (file != null && !Files.isRegularFile(file)) {
            throw new CliException("configuration file " + file + (Files.isDirectory(file) ? " is a directory, not a file"
                    : Files.exists(file) ? " is not a regular file (a FIFO, socket or device)" : " does not exist"));
        }
        Optional<InventoryFiles> inventoryFiles = command.inventoryFiles();
        if (file == null && context.injectedInventory().isEmpty() && inventoryFiles.isEmpty()) {
            throw new CliException("no configuration: give -c config.yaml or set GENJA_CONFIG, or name the "
                    + "inventory with -i DIR (there is no config.yaml in " + context.workingDirectory() + ")");
        }
        // plugin sections are checked against the command's plugins (injected, else discovered)
        Settings read = file != null ? Settings.load(file, context.env(), context.plugins())
                : Settings.fromEnvironment(context.env(), context.plugins());
        // -i replaces the inventory section, as ansible -i replaces the configured inventory
        Settings settings = inventoryFiles.map(files -> read.withInventory(files.settings())).orElse(read);
        LoggingSetup.configure(context.err(), LoggingSetup.Config.of(settings.logging(), command.debug()));
        // ${env:...} secrets come from the command's environment, as the settings' GENJA_* fallbacks do
        Inventory inventory = context.injectedInventory().orElseGet(() -> {
            Inventory loaded = settings.inventory().load(context.plugins());
            return loaded.withSecrets(loaded.secrets().withEnvironment(context.env()::get));
        });
        return new Workspace(settings, inventory, file);
    }

    /** The hosts file the built-in file plugin read, when it read the inventory. */
    Optional<Path> hostsFile() {
        InventorySettings inventory = settings.inventory();
        if (!inventory.plugin().equals(FileInventoryPlugin.NAME)
                || configFile == null && !inventory.options().containsKey("hosts_file")) {
            return Optional.empty();
        }
        Object hosts = inventory.options().getOrDefault("hosts_file", "hosts.yaml");
        return Optional.of(inventory.baseDirectory().resolve(String.valueOf(hosts)));
    }

    /** A {@link Genja} over this workspace with the command's plugins and task catalog. */
    Genja open(CliContext context) {
        // one task per command: a host's connections close as soon as its task tree has finished
        return Genja.builder(inventory).settings(settings).plugins(context.plugins()).catalog(context.catalog())
                .connectionIdleTimeout(Duration.ZERO).build();
    }
}
