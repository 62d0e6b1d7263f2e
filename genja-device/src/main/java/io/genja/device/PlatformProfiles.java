package io.genja.device;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform profiles known to a transport or a simulator, looked up by name or alias ({@code ios} finds
 * {@code cisco_ios}).
 *
 * <p>Profiles are found on the class path, not in a list in code: every jar (or class-path directory) that ships
 * profiles has an index {@value #INDEX} naming them, one per line, and the files
 * {@code META-INF/genja/platforms/<name>.yaml} next to it. A class loader can find every copy of one resource
 * ({@link ClassLoader#getResources}) but cannot list a folder inside a jar portably, hence the index. genja-device
 * ships the built-in ones this way; a user's jar or test resources add theirs the same way.
 */
public final class PlatformProfiles {

    /** The index resource each jar with profiles ships. */
    public static final String INDEX = "META-INF/genja/platforms.idx";

    /** Used when a host names no platform: exec mode, and a prompt ending in one of {@code > # $ %} for shells. */
    public static final PlatformProfile GENERIC = new PlatformProfile("generic", List.of(), Mode.EXEC,
            Pattern.compile("[>#$%]\\s*$"), List.of(), Pattern.compile("--More--\\s*$"), " ", List.of(),
            PlatformProfile.Samples.NONE, PlatformProfile.Privilege.NONE, ConfigModel.NONE, FileSystems.NONE,
            PlatformProfile.Login.DEFAULT, "built-in");

    private static volatile PlatformProfiles onClassPath;

    private final Map<String, PlatformProfile> byName;

    private PlatformProfiles(Map<String, PlatformProfile> byName) {
        this.byName = byName;
    }

    /** The profiles on this library's class path (the built-in ones and any a user's jar adds), read once. */
    public static PlatformProfiles builtIn() {
        PlatformProfiles profiles = onClassPath;
        if (profiles == null) {
            profiles = fromClassPath(PlatformProfiles.class.getClassLoader());
            onClassPath = profiles;
        }
        return profiles;
    }

    /**
     * The profiles listed by every {@value #INDEX} that {@code loader} finds.
     *
     * @throws IllegalArgumentException naming the resource and the line for a broken profile, an index naming a
     *                                  missing file, or two profiles claiming one name
     */
    public static PlatformProfiles fromClassPath(ClassLoader loader) {
        Map<String, PlatformProfile> byName = new LinkedHashMap<>();
        Enumeration<URL> indexes;
        try {
            indexes = loader.getResources(INDEX);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + INDEX + " on the class path", e);
        }
        while (indexes.hasMoreElements()) {
            URL index = indexes.nextElement();
            for (String name : names(index)) {
                URL file;
                try {
                    // resolved against the index, so each index names the files of its own jar
                    file = new URL(index, "platforms/" + name + ".yaml");
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalArgumentException(index + ": \"" + name + "\" is not a usable profile name", e);
                }
                add(byName, ProfileReader.read(read(file, index), file.toString()), false);
            }
        }
        return new PlatformProfiles(byName);
    }

    /** The profile names an index lists: one per line; blank lines and {@code #} comments are ignored. */
    private static List<String> names(URL index) {
        List<String> names = new ArrayList<>();
        try (InputStream in = index.openStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                if (!name.matches("[A-Za-z0-9_.-]+")) {
                    throw new IllegalArgumentException(index + ":" + number + ": a profile name may hold letters, "
                            + "digits, '_', '.' and '-', got \"" + name + "\"");
                }
                names.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
        return names;
    }

    private static String read(URL file, URL index) {
        try (InputStream in = file.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(index + " names a profile that is not there: " + file
                    + " (add the file, or remove its line from the index)", e);
        }
    }

    /**
     * These profiles plus those in {@code path}: one YAML file, or every {@code *.yaml}/{@code *.yml} file of a
     * directory. A user's profile replaces a known one of the same name.
     *
     * @throws IllegalArgumentException naming the file, the line and what is wrong in it
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
                add(merged, ProfileReader.read(Files.readString(file), file.toString()), true);
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

    /**
     * Adds {@code profile} under its name and aliases. A file given by the user replaces what it names; two
     * class-path profiles claiming one name are an error, since class-path order would pick the winner.
     */
    private static void add(Map<String, PlatformProfile> byName, PlatformProfile profile, boolean replace) {
        if (replace) {
            byName.values().removeIf(p -> p.name().equals(profile.name()));
        }
        List<String> keys = new ArrayList<>();
        keys.add(profile.name());
        keys.addAll(profile.aliases());
        for (String key : keys) {
            PlatformProfile existing = byName.get(key.toLowerCase(Locale.ROOT));
            if (existing != null && !replace) {
                throw new IllegalArgumentException("platform profile " + profile.source() + " claims the name \"" + key
                        + "\", already used by " + existing.source() + "; rename one of them, or replace a built-in "
                        + "profile with a file (extras.platform_profile)");
            }
        }
        for (String key : keys) {
            byName.put(key.toLowerCase(Locale.ROOT), profile);
        }
    }
}
