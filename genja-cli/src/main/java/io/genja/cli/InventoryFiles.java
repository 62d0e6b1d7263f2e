package io.genja.cli;

import io.genja.inventory.FileInventoryPlugin;
import io.genja.settings.InventorySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code genja -i}: the inventory files of an ad-hoc run, as {@code ansible -i} users give them: a directory holding
 * {@code hosts}, {@code groups} and {@code defaults} files ({@code .yaml}, {@code .yml} or {@code .json}; only hosts
 * is required), or files separated by commas, each known by its name ({@code hosts.yaml}, {@code lab-groups.yml}).
 * They are read by the file inventory, exactly as {@code inventory.options} would name them.
 */
record InventoryFiles(Map<String, Path> files) {

    private static final List<String> ROLES = List.of("hosts", "groups", "defaults");
    private static final List<String> SUFFIXES = List.of(".yaml", ".yml", ".json");

    /**
     * The files {@code value} names, resolved against the working directory.
     *
     * @throws CliException when a path does not exist, a file's role cannot be told from its name, a role is given
     *     twice, or there is no hosts file
     */
    static InventoryFiles of(String value, CliContext context) {
        Map<String, Path> files = new LinkedHashMap<>();
        String[] paths = value.split(",");
        if (paths.length == 1 && Files.isDirectory(context.resolve(Path.of(value.strip())))) {
            Path directory = context.resolve(Path.of(value.strip()));
            for (String role : ROLES) {
                List<Path> found = new ArrayList<>();
                for (String suffix : SUFFIXES) {
                    Path candidate = directory.resolve(role + suffix);
                    if (Files.isRegularFile(candidate)) {
                        found.add(candidate);
                    }
                }
                if (found.size() > 1) {
                    throw new CliException("-i " + value + ": the directory has " + found.size() + " " + role
                            + " files (" + String.join(", ", found.stream().map(p -> p.getFileName().toString())
                            .toList()) + "); keep one, or name the files: -i " + directory.relativize(found.get(0))
                            + ",...");
                }
                found.forEach(file -> files.put(role, file));
            }
            if (!files.containsKey("hosts")) {
                throw new CliException("-i " + value + ": the directory has no hosts file (hosts.yaml, hosts.yml or "
                        + "hosts.json)");
            }
            return new InventoryFiles(Map.copyOf(files));
        }
        for (String text : paths) {
            if (text.isBlank()) {
                throw new CliException("-i " + value + ": an empty file name; write -i hosts.yaml,groups.yaml");
            }
            Path file = context.resolve(Path.of(text.strip()));
            if (!Files.isRegularFile(file)) {
                throw new CliException("-i " + value + ": " + text.strip() + (Files.isDirectory(file)
                        ? " is a directory; give one directory alone, or files separated by commas"
                        : " does not exist"));
            }
            String role = roleOf(file);
            if (role == null) {
                throw new CliException("-i " + value + ": cannot tell whether " + text.strip() + " holds hosts, groups "
                        + "or defaults; name it hosts.yaml, groups.yaml or defaults.yaml (or lab-hosts.yaml, ...)");
            }
            if (files.containsKey(role)) {
                throw new CliException("-i " + value + ": two " + role + " files, " + files.get(role).getFileName()
                        + " and " + file.getFileName());
            }
            files.put(role, file);
        }
        if (!files.containsKey("hosts")) {
            throw new CliException("-i " + value + ": no hosts file among them; name one hosts.yaml (or "
                    + "lab-hosts.yaml, ...)");
        }
        return new InventoryFiles(Map.copyOf(files));
    }

    /** {@code hosts} for {@code hosts.yaml} or {@code lab_hosts.yml}; {@code null} when the name says nothing. */
    private static String roleOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        for (String role : ROLES) {
            if (stem.endsWith(role)) {
                return role;
            }
        }
        return null;
    }

    /** The file inventory over these files; relative paths in them (secrets) start at the hosts file's directory. */
    InventorySettings settings() {
        Map<String, Object> options = new LinkedHashMap<>();
        files.forEach((role, file) -> options.put(role + "_file", file.toString()));
        return new InventorySettings(FileInventoryPlugin.NAME, options, null, Map.of(), files.get("hosts").getParent());
    }
}
