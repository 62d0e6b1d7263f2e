package io.genja.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the last successful check read, in a file under {@code target/}: the files it read by path, and one
 * fingerprint of them, the class path and the goal's configuration. Every file counts by size and modification time
 * (a directory by every file below it), as Maven's own incremental checks do: cheap, and a rebuilt jar or an edited
 * inventory always differs.
 *
 * <p>The file: {@code file <path>} lines (the settings and inventory files of the last check), then
 * {@code fingerprint <hex>}.
 */
final class InputStamp {

    private static final String FILE = "file ";
    private static final String FINGERPRINT = "fingerprint ";

    private final Path stampFile;
    private final List<String> classPath;
    private final String configuration;

    /**
     * @param classPath the class path elements the check loads plugins and tasks from
     * @param configuration everything else the result depends on (the goal's parameters, {@code GENJA_*} variables)
     */
    InputStamp(Path stampFile, List<String> classPath, String configuration) {
        this.stampFile = stampFile;
        this.classPath = List.copyOf(classPath);
        this.configuration = configuration;
    }

    /**
     * Whether a successful check recorded exactly these inputs: the files it read then (and {@code settingsFile},
     * should the settings have moved) are as they were, and so are the class path and configuration.
     */
    boolean unchanged(Path settingsFile) throws IOException {
        if (!Files.isRegularFile(stampFile)) {
            return false;
        }
        Set<Path> files = new LinkedHashSet<>();
        String recorded = null;
        for (String line : Files.readAllLines(stampFile, StandardCharsets.UTF_8)) {
            if (line.startsWith(FILE)) {
                files.add(Path.of(line.substring(FILE.length())));
            } else if (line.startsWith(FINGERPRINT)) {
                recorded = line.substring(FINGERPRINT.length());
            }
        }
        return files.contains(settingsFile) && fingerprint(files).equals(recorded);
    }

    /** Records a successful check that read {@code files}. */
    void record(List<Path> files) throws IOException {
        Set<Path> read = new LinkedHashSet<>(files);
        List<String> lines = new ArrayList<>();
        read.forEach(file -> lines.add(FILE + file));
        lines.add(FINGERPRINT + fingerprint(read));
        Files.createDirectories(stampFile.getParent());
        Files.write(stampFile, lines, StandardCharsets.UTF_8);
    }

    /** Forgets the last successful check, so that the next build checks again. */
    void clear() throws IOException {
        Files.deleteIfExists(stampFile);
    }

    private String fingerprint(Set<Path> files) throws IOException {
        MessageDigest digest = sha256();
        update(digest, "configuration " + configuration);
        for (Path file : files) {
            describe(digest, file);
        }
        for (String element : classPath) {
            describe(digest, Path.of(element));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Adds a file's or directory's path, size and time, or that it is missing. */
    private static void describe(MessageDigest digest, Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).sorted().forEach(file -> {
                    try {
                        describe(digest, file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return;
        }
        if (!Files.exists(path)) {
            update(digest, path + " missing");
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        update(digest, path + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis());
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
