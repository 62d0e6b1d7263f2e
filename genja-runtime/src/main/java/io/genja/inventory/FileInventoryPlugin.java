package io.genja.inventory;

import io.genja.annotations.GenjaInventoryPlugin;
import io.genja.document.Suggestions;
import io.genja.settings.section.SettingsSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The built-in inventory plugin: hosts, groups and defaults files in the SimpleInventory layout. Options:
 * {@code hosts_file} (default {@code hosts.yaml}), {@code groups_file} and {@code defaults_file} (default
 * {@code groups.yaml} and {@code defaults.yaml}, used only when they exist), relative to the settings file;
 * {@code secrets_directory}, where {@code ${file:...}} secrets must be (default: the hosts file's directory),
 * and {@code allow_absolute_secret_files} ({@code false}), which lets {@code ${file:/absolute/path}} read anywhere.
 */
@GenjaInventoryPlugin(name = FileInventoryPlugin.NAME)
public final class FileInventoryPlugin implements InventoryPlugin {

    public static final String NAME = "FileInventoryPlugin";
    private static final List<String> OPTIONS = List.of("hosts_file", "groups_file", "defaults_file",
            SecretResolver.DIRECTORY_OPTION, SecretResolver.ABSOLUTE_PATHS_OPTION);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> optionNames() {
        return OPTIONS;
    }

    /** {@code allow_absolute_secret_files} is a boolean; every other option a non-empty path. */
    @Override
    public void checkOptions(SettingsSection options) {
        for (String key : OPTIONS) {
            if (key.equals(SecretResolver.ABSOLUTE_PATHS_OPTION)) {
                options.bool(key);
            } else if (options.text(key).filter(String::isBlank).isPresent()) {
                options.problem(key, "inventory.options." + key + " must not be empty");
            }
        }
    }

    @Override
    public Inventory load(Map<String, Object> options, Path baseDirectory) {
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw InventoryException.of("unknown option \"" + key + "\" in inventory.options of " + NAME
                        + Suggestions.didYouMean(key, OPTIONS) + " (known: " + String.join(", ", OPTIONS) + ")");
            }
        }
        InventoryFiles files = files(options, baseDirectory);
        Object allowAbsolute = options.getOrDefault(SecretResolver.ABSOLUTE_PATHS_OPTION, false);
        if (!(allowAbsolute instanceof Boolean)) {
            throw InventoryException.of("inventory.options." + SecretResolver.ABSOLUTE_PATHS_OPTION
                    + " must be true or false, not " + allowAbsolute);
        }
        Inventory inventory = Inventory.load(files.hosts(), files.groups(), files.defaults());
        SecretResolver secrets = inventory.secrets().allowingAbsolutePaths((Boolean) allowAbsolute);
        if (options.get(SecretResolver.DIRECTORY_OPTION) != null) {
            secrets = secrets.withBaseDirectory(path(options, SecretResolver.DIRECTORY_OPTION, null, baseDirectory,
                    true));
        }
        return inventory.withSecrets(secrets);
    }

    /**
     * The files {@code options} name, relative to {@code baseDirectory}: {@code hosts.yaml} unless named, and
     * {@code groups.yaml} and {@code defaults.yaml} when named or when they exist.
     *
     * @throws InventoryException when an option is not a file path
     */
    public static InventoryFiles files(Map<String, Object> options, Path baseDirectory) {
        return new InventoryFiles(path(options, "hosts_file", "hosts.yaml", baseDirectory, true),
                path(options, "groups_file", "groups.yaml", baseDirectory, false),
                path(options, "defaults_file", "defaults.yaml", baseDirectory, false));
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
