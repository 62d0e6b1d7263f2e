package io.genja.ssh;

import io.genja.connection.ConnectionException;
import io.genja.task.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads private keys as {@code ssh-keygen} writes them (OpenSSH or PEM; ed25519, ECDSA, RSA; with or without a
 * passphrase), once per file, version and passphrase: hundreds of hosts sharing one key decrypt it once, and a
 * host whose passphrase is missing or wrong never uses a key another host's passphrase decrypted.
 */
final class KeyLoader {

    /** A key file with a digest of the passphrase it was read with (not the passphrase itself). */
    private record Source(Path file, String passphraseDigest) {
    }

    private record Loaded(FileTime modified, List<KeyPair> keys) {
    }

    private final Map<Source, Loaded> cache = new ConcurrentHashMap<>();

    List<KeyPair> load(SshOptions options) throws ConnectionException {
        Path file = options.privateKeyFile().toAbsolutePath();
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Source source = new Source(file, digest(options.passphrase()));
            Loaded loaded = cache.get(source);
            if (loaded != null && loaded.modified().equals(modified)) {
                return loaded.keys();
            }
            List<KeyPair> keys = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                FilePasswordProvider passphrase = options.passphrase() == null ? FilePasswordProvider.EMPTY
                        : FilePasswordProvider.of(options.passphrase());
                SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, passphrase).forEach(keys::add);
            }
            if (keys.isEmpty()) {
                throw new ConnectionException(FailureKind.VALIDATION, options.where() + ": extras.private_key_file "
                        + file + " holds no private key");
            }
            cache.put(source, new Loaded(modified, List.copyOf(keys)));
            return keys;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConnectionException(FailureKind.VALIDATION, options.where() + ": extras.private_key_file "
                    + file + " does not exist", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String hint = options.passphrase() == null ? " (if it is encrypted, set extras.passphrase)"
                    : " (is extras.passphrase right?)";
            throw new ConnectionException(FailureKind.VALIDATION, options.where() + ": cannot load the private key "
                    + file + ": " + e.getMessage() + hint, e);
        }
    }

    private static String digest(String passphrase) throws GeneralSecurityException {
        if (passphrase == null) {
            return "";
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(passphrase.getBytes(StandardCharsets.UTF_8)));
    }
}
