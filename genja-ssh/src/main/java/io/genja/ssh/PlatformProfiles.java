package io.genja.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The platform profiles known to a plugin: the built-in ones plus those loaded from users' files, looked up by
 * name or alias ({@code ios} finds {@code cisco_ios}).
 */
public final class PlatformProfiles {

    /** The profiles shipped with the plugin, in {@code io/genja/ssh/platforms/}. */
    static final List<String> BUILT_IN = List.of("linux", "cisco_ios", "cisco_iosxe", "cisco_iosxr", "cisco_nxos",
            "arista_eos", "juniper_junos");

    /** Used when a host names no platform: exec mode, and a prompt ending in one of {@code > # $ %} for shells. */
    static final PlatformProfile GENERIC = new PlatformProfile("generic", List.of(), Mode.EXEC,
            Pattern.compile("[>#$%]\\s*$"), List.of(), Pattern.compile("--More--\\s*$"), " ", List.of(), "built-in");

    private final Map<String, PlatformProfile> byName;

    private PlatformProfiles(Map<String, PlatformProfile> byName) {
        this.byName = byName;
    }

    /** The built-in profiles. */
    public static PlatformProfiles builtIn() {
        Map<String, PlatformProfile> byName = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            String resource = "platforms/" + name + ".yaml";
            try (InputStream in = PlatformProfiles.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in platform profile " + resource + " is missing from the jar");
                }
                add(byName, parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                        "io/genja/ssh/" + resource));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in platform profile " + resource, e);
            }
        }
        return new PlatformProfiles(byName);
    }

    /**
     * These profiles plus those in {@code path}: one YAML file, or every {@code *.yaml}/{@code *.yml} file of a
     * directory. A user's profile replaces a built-in one of the same name.
     *
     * @throws IllegalArgumentException naming the file and what is wrong in it
     */
    public PlatformProfiles with(Path path) {
        Map<String, PlatformProfile> merged = new LinkedHashMap<>(byName);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> listing = Files.list(path)) {
                listing.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list platform profiles in " + path + ": " + e.getMessage(), e);
            }
        } else if (Files.isRegularFile(path)) {
            files.add(path);
        } else {
            throw new IllegalArgumentException("platform profile " + path + " does not exist (expected a YAML file "
                    + "or a directory of them)");
        }
        for (Path file : files) {
            try {
                PlatformProfile profile = parse(Files.readString(file), file.toString());
                merged.values().removeIf(p -> p.name().equals(profile.name()));
                add(merged, profile);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read platform profile " + file + ": " + e.getMessage(), e);
            }
        }
        return new PlatformProfiles(merged);
    }

    /** The profile called {@code nameOrAlias}, ignoring case. */
    public Optional<PlatformProfile> find(String nameOrAlias) {
        return Optional.ofNullable(byName.get(nameOrAlias.strip().toLowerCase(Locale.ROOT)));
    }

    /** The profile names (not aliases), sorted. */
    public Collection<String> names() {
        TreeSet<String> names = new TreeSet<>();
        byName.values().forEach(p -> names.add(p.name()));
        return names;
    }

    private static void add(Map<String, PlatformProfile> byName, PlatformProfile profile) {
        byName.put(profile.name().toLowerCase(Locale.ROOT), profile);
        for (String alias : profile.aliases()) {
            byName.put(alias.toLowerCase(Locale.ROOT), profile);
        }
    }

    /** Parses one profile; every problem names the file and the field. */
    static PlatformProfile parse(String yaml, String source) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("platform profile " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("platform profile " + source + " must be a YAML mapping with name, "
                    + "default_mode, prompt, ...");
        }
        List<String> known = List.of("name", "aliases", "default_mode", "prompt", "paging_off", "more_pattern",
                "more_response", "error_patterns");
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("platform profile " + source + ": unknown field \"" + key
                        + "\"; known fields: " + String.join(", ", known));
            }
        }
        String name = string(map, "name", source, null);
        String modeName = string(map, "default_mode", source, "exec");
        Mode mode = Mode.parse(modeName).orElseThrow(() -> new IllegalArgumentException("platform profile " + source
                + ": default_mode must be exec or shell, got \"" + modeName + "\""));
        return new PlatformProfile(name, strings(map, "aliases", source), mode,
                pattern(string(map, "prompt", source, null), "prompt", source, 0),
                strings(map, "paging_off", source),
                pattern(string(map, "more_pattern", source, "--More--\\s*$"), "more_pattern", source, 0),
                string(map, "more_response", source, " "),
                strings(map, "error_patterns", source).stream()
                        .map(p -> pattern(p, "error_patterns", source, Pattern.MULTILINE)).toList(),
                source);
    }

    private static String string(Map<?, ?> map, String field, String source, String fallback) {
        Object value = map.get(field);
        if (value == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("platform profile " + source + ": missing required field \"" + field + "\"");
            }
            return fallback;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("platform profile " + source + ": \"" + field + "\" must be a string, got " + value);
        }
        return s;
    }

    private static List<String> strings(Map<?, ?> map, String field, String source) {
        Object value = map.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw new IllegalArgumentException("platform profile " + source + ": \"" + field
                    + "\" must be a list of strings, got " + value);
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static Pattern pattern(String regex, String field, String source, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("platform profile " + source + ": \"" + field
                    + "\" is not a valid regular expression: " + e.getDescription() + " in " + regex, e);
        }
    }
}
