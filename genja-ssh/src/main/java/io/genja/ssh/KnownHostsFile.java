package io.genja.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * One {@code known_hosts} file, parsed once per version (modification time and size) rather than once per
 * connection: a run over thousands of hosts would otherwise parse a file of thousands of lines thousands of times.
 * Lines naming plain hosts are found by name; hashed, wildcard and negated lines are matched one by one, as
 * OpenSSH does.
 */
final class KnownHostsFile {

    /** A line of the file with its key resolved ({@code null} when the key cannot be read). */
    record Line(KnownHostEntry entry, PublicKey key) {

        boolean isRevoked() {
            return "revoked".equals(entry.getMarker());
        }

        /** {@code @cert-authority} lines hold the key of a CA that signs host certificates, not a host key. */
        boolean isCertificateAuthority() {
            return "cert-authority".equals(entry.getMarker());
        }

        String keyType() {
            return entry.getKeyEntry().getKeyType();
        }
    }

    private final Path file;
    private final Map<String, List<Line>> byHost = new ConcurrentHashMap<>();
    private final List<Line> matchedOneByOne = new CopyOnWriteArrayList<>();
    private volatile FileTime modified;
    private volatile long size;

    private KnownHostsFile(Path file, FileTime modified, long size) {
        this.file = file;
        this.modified = modified;
        this.size = size;
    }

    /** Reads {@code file}; {@code null} when it does not exist. */
    static KnownHostsFile read(Path file) throws IOException {
        BasicFileAttributes attributes = attributes(file);
        if (attributes == null) {
            return null;
        }
        KnownHostsFile parsed = new KnownHostsFile(file, attributes.lastModifiedTime(), attributes.size());
        for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(file)) {
            parsed.add(entry);
        }
        return parsed;
    }

    /** Whether the file on disk is still the version read (or last appended to through {@link #append}). */
    boolean isCurrent() throws IOException {
        BasicFileAttributes attributes = attributes(file);
        return attributes != null && attributes.lastModifiedTime().equals(modified) && attributes.size() == size;
    }

    /** The lines that name {@code hostname} on {@code port}, in no particular order. */
    List<Line> linesFor(String hostname, int port) {
        List<Line> lines = new ArrayList<>();
        String host = hostname.toLowerCase(Locale.ROOT);
        lines.addAll(byHost.getOrDefault("[" + host + "]:" + port, List.of()));
        if (port == 22) {
            lines.addAll(byHost.getOrDefault(host, List.of()));
        }
        for (Line line : matchedOneByOne) {
            KnownHostEntry entry = line.entry();
            boolean matches = entry.getHashedEntry() != null ? entry.getHashedEntry().isHostMatch(hostname, port)
                    : entry.isHostMatch(hostname, port);
            if (matches) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Records a line this process appended to the file, so the next connection need not read it again. The caller
     * holds the lock all appends to the file take, and {@code wasCurrent} says whether this version was the file's
     * before the append.
     */
    void append(KnownHostEntry entry, boolean wasCurrent) throws IOException {
        add(entry);
        BasicFileAttributes attributes = attributes(file);
        if (wasCurrent && attributes != null) {
            modified = attributes.lastModifiedTime();
            size = attributes.size();
        }
    }

    private void add(KnownHostEntry entry) {
        Line line = new Line(entry, resolve(entry));
        List<String> hosts = plainHosts(entry);
        if (hosts.isEmpty()) {
            matchedOneByOne.add(line);
        } else {
            for (String host : hosts) {
                byHost.computeIfAbsent(host, h -> new CopyOnWriteArrayList<>()).add(line);
            }
        }
    }

    /** The host names of a line that names only plain hosts ({@code r1,[10.0.0.1]:2222}); empty otherwise. */
    private static List<String> plainHosts(KnownHostEntry entry) {
        if (entry.getHashedEntry() != null) {
            return List.of();
        }
        String[] fields = entry.getConfigLine().strip().split("\\s+");
        String hosts = fields[0].startsWith(String.valueOf(KnownHostEntry.MARKER_INDICATOR)) && fields.length > 1
                ? fields[1] : fields[0];
        List<String> plain = new ArrayList<>();
        for (String host : hosts.split(",")) {
            if (host.isEmpty() || host.chars().anyMatch(c -> c == '*' || c == '?' || c == '!')) {
                return List.of();
            }
            plain.add(host.toLowerCase(Locale.ROOT));
        }
        return plain;
    }

    private static PublicKey resolve(KnownHostEntry entry) {
        try {
            return entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes : null;
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }
}
