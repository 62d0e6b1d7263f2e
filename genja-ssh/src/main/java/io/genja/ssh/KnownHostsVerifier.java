package io.genja.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a server's host key against the connection's {@code known_hosts} files, by the connection's
 * {@link HostKeyChecking} policy. A key that differs from a recorded one is always refused.
 * The options come from the session's connection context, so one verifier serves every host of the shared client.
 */
final class KnownHostsVerifier implements ServerKeyVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsVerifier.class);

    /** Each known_hosts file in use, parsed. */
    private final Map<Path, KnownHostsFile> files = new ConcurrentHashMap<>();

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
        SshOptions options = session.getConnectionContext().getAttribute(SshConnection.OPTIONS);
        String hostname = options.hostname();
        int port = options.port();
        // Check the host actually dialled: the ssh config's HostName may differ from the inventory's. Through a
        // ProxyJump, MINA dials a local tunnel port and reports the real target as the remote address.
        SocketAddress dialled = session.getConnectAddress() != null ? session.getConnectAddress() : remote;
        if (dialled instanceof InetSocketAddress inet && remote instanceof InetSocketAddress target
                && inet.getPort() != target.getPort()) {
            dialled = target;
        }
        if (dialled instanceof InetSocketAddress inet) {
            hostname = inet.getHostString();
            port = inet.getPort();
        }
        String reason = check(options, hostname, port, serverKey);
        if (reason != null) {
            // Recorded before MINA fails the key exchange, so the error that ends the session says why.
            SessionSetup.record(session, new Rejected(reason));
            return false;
        }
        return true;
    }

    /** Returns why {@code key} is refused, or {@code null} when it is accepted. */
    String check(SshOptions options, String hostname, int port, PublicKey key) {
        String type = KeyUtils.getKeyType(key);
        String fingerprint = KeyUtils.getFingerPrint(key);
        boolean known = false;
        List<String> mismatches = new ArrayList<>();
        for (Path path : options.knownHostsFiles()) {
            KnownHostsFile file = file(path);
            if (file == null) {
                continue;
            }
            for (KnownHostsFile.Line line : file.linesFor(hostname, port)) {
                if (line.isCertificateAuthority()) {
                    continue; // a CA's key, for host certificates; never the host's own key
                }
                boolean same = line.key() != null && KeyUtils.compareKeys(key, line.key());
                if (line.isRevoked()) {
                    if (same) {
                        return "the host key " + fingerprint + " of " + options.where() + " is marked @revoked in "
                                + path;
                    }
                } else if (type.equals(line.keyType())) {
                    if (same) {
                        known = true; // still look further: a @revoked line for this key wins, as in OpenSSH
                    } else {
                        mismatches.add(path + ": " + line.entry().getConfigLine());
                    }
                }
            }
        }
        if (known) {
            return null;
        }
        if (!mismatches.isEmpty()) {
            return "the " + type + " host key of " + options.where() + " has CHANGED: it is now " + fingerprint
                    + " but " + mismatches.get(0) + " records another one. Someone may be intercepting the "
                    + "connection, or the device was replaced; if you are sure, remove the old line and connect again";
        }
        return switch (options.hostKeyChecking()) {
            case NO -> null;
            case ACCEPT_NEW -> record(options, hostname, port, key, fingerprint);
            case YES -> "the host key " + fingerprint + " (" + type + ") of " + options.where() + " is not in "
                    + options.knownHostsFiles() + "; add it (ssh-keyscan -p " + port + " " + hostname + ") or set extras.strict_host_key_checking: accept-new";
        };
    }

    /**
     * The key types ({@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, ...) the known_hosts files record for
     * {@code hostname} on {@code port}, so the key exchange can ask for a key that can be checked (OpenSSH orders its
     * host key algorithms the same way). Revoked and CA lines do not count.
     */
    Set<String> knownKeyTypes(SshOptions options, String hostname, int port) {
        Set<String> types = new LinkedHashSet<>();
        for (Path path : options.knownHostsFiles()) {
            KnownHostsFile file = file(path);
            if (file != null) {
                for (KnownHostsFile.Line line : file.linesFor(hostname, port)) {
                    if (!line.isRevoked() && !line.isCertificateAuthority()) {
                        types.add(line.keyType());
                    }
                }
            }
        }
        return types;
    }

    /** The parsed file, read again only when it changed; {@code null} when it does not exist or cannot be read. */
    private KnownHostsFile file(Path path) {
        try {
            return files.compute(path, (p, cached) -> {
                try {
                    return cached != null && cached.isCurrent() ? cached : KnownHostsFile.read(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) { // UncheckedIOException from the read, or a line MINA cannot parse
            LOG.warn("ignoring unreadable known_hosts file {}: {}", path, e.getMessage());
            files.remove(path);
            return null;
        }
    }

    private String record(SshOptions options, String hostname, int port, PublicKey key, String fingerprint) {
        Path path = options.knownHostsFiles().get(0);
        String host = port == 22 ? hostname : "[" + hostname + "]:" + port;
        String line = host + " " + PublicKeyEntry.toString(key);
        // One JVM may connect to many new hosts at once: append under one lock so lines never interleave.
        synchronized (KnownHostsVerifier.class) {
            try {
                if (path.getParent() != null) {
                    createPrivateDirectories(path.getParent());
                }
                // Several sessions to the same new host may all have found no line: the first one records it.
                KnownHostsFile current = file(path);
                if (current != null && current.linesFor(hostname, port).stream()
                        .anyMatch(known -> known.key() != null && KeyUtils.compareKeys(key, known.key()))) {
                    return null;
                }
                KnownHostsFile cached = files.get(path);
                boolean wasCurrent = cached != null && cached.isCurrent();
                Files.writeString(path, line + System.lineSeparator(), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                if (cached != null) {
                    cached.append(KnownHostEntry.parseKnownHostEntry(line), wasCurrent);
                }
            } catch (IOException e) {
                return "cannot record the new host key of " + options.where() + " in " + path + ": " + e.getMessage();
            }
        }
        LOG.info("recorded the new host key {} of {} in {}", fingerprint, options.where(), path);
        return null;
    }

    /**
     * Creates {@code directory} (and its missing parents) readable only by the user, as OpenSSH creates {@code ~/.ssh}
     * (700), where the file system has POSIX permissions; a directory that exists keeps its own.
     */
    private static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** A host key refused by this verifier; the message says why and what to do. */
    static final class Rejected extends SshException {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason);
        }
    }
}
