package io.genja.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a server's host key against the connection's {@code known_hosts} files, by the connection's
 * {@link HostKeyChecking} policy. A key that differs from a recorded one is always refused.
 * The options come from the session's connection context, so one verifier serves every host of the shared client.
 */
final class KnownHostsVerifier implements ServerKeyVerifier {

    /** Why the key was refused, read back when the key exchange fails so the error can say it. */
    static final AttributeKey<String> REJECTION = new AttributeKey<>();

    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsVerifier.class);

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
            session.setAttribute(REJECTION, reason);
            return false;
        }
        return true;
    }

    /** Returns why {@code key} is refused, or {@code null} when it is accepted. */
    private static String check(SshOptions options, String hostname, int port, PublicKey key) {
        String type = KeyUtils.getKeyType(key);
        String fingerprint = KeyUtils.getFingerPrint(key);
        List<String> mismatches = new ArrayList<>();
        for (Path file : options.knownHostsFiles()) {
            for (KnownHostEntry entry : read(file)) {
                boolean hostMatches = entry.getHashedEntry() != null ? entry.getHashedEntry().isHostMatch(hostname, port)
                        : entry.isHostMatch(hostname, port);
                if (!hostMatches
                        || !type.equals(entry.getKeyEntry().getKeyType())) {
                    continue;
                }
                if ("revoked".equals(entry.getMarker())) {
                    return "the host key " + fingerprint + " of " + options.where() + " is marked @revoked in " + file;
                }
                if (KeyUtils.compareKeys(key, resolve(entry.getKeyEntry()))) {
                    return null;
                }
                mismatches.add(file + ": " + entry.getConfigLine());
            }
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

    private static String record(SshOptions options, String hostname, int port, PublicKey key, String fingerprint) {
        Path file = options.knownHostsFiles().get(0);
        String host = port == 22 ? hostname : "[" + hostname + "]:" + port;
        String line = host + " " + PublicKeyEntry.toString(key) + System.lineSeparator();
        // One JVM may connect to many new hosts at once: append under one lock so lines never interleave.
        synchronized (KnownHostsVerifier.class) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                return "cannot record the new host key of " + options.where() + " in " + file + ": " + e.getMessage();
            }
        }
        LOG.info("recorded the new host key {} of {} in {}", fingerprint, options.where(), file);
        return null;
    }

    private static List<KnownHostEntry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return KnownHostEntry.readKnownHostEntries(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable known_hosts file {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    private static PublicKey resolve(AuthorizedKeyEntry entry) {
        try {
            return entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        } catch (IOException | java.security.GeneralSecurityException e) {
            return null;
        }
    }
}
