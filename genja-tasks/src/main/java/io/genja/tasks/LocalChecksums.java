package io.genja.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MD5 sums of local files, computed once per file version: a copy to 500 hosts hashes its image once, not 500
 * times. A file that changes (size or modification time) is hashed again.
 */
final class LocalChecksums {

    private record Version(Path file, long size, long modified) {
    }

    private static final Map<Version, String> SUMS = new ConcurrentHashMap<>();

    private LocalChecksums() {
    }

    /** The file's MD5, 32 lower-case hex digits. */
    static String md5(Path file) throws IOException {
        Path real = file.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        Version version = new Version(real, attributes.size(), attributes.lastModifiedTime().toMillis());
        try {
            return SUMS.computeIfAbsent(version, v -> compute(v.file()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The MD5 of the file as it is now, without the cache (a file just downloaded). */
    static String compute(Path file) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }
}
