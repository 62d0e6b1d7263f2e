package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.ResolvedConnectionParams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host key checks against known_hosts files on disk, written as OpenSSH writes them. */
class KnownHostsVerifierTest {

    @TempDir
    Path directory;

    private final KnownHostsVerifier verifier = new KnownHostsVerifier();
    private final PublicKey keyA = ecKey();
    private final PublicKey keyB = ecKey();

    @Test
    void plainHostsMatchByNameAndPortAsOpenSshWritesThem() throws Exception {
        Path file = write(line("r1,10.0.0.1", keyA), line("[10.0.0.2]:2222", keyB));
        assertThat(check(file, "r1", 22, keyA, "yes")).isNull();
        assertThat(check(file, "R1", 22, keyA, "yes")).as("host names are case-insensitive").isNull();
        assertThat(check(file, "10.0.0.1", 22, keyA, "yes")).isNull();
        assertThat(check(file, "10.0.0.2", 2222, keyB, "yes")).isNull();
        assertThat(check(file, "10.0.0.2", 22, keyB, "yes")).contains("is not in");
        assertThat(check(file, "r1", 2222, keyA, "yes")).contains("is not in");
    }

    @Test
    void wildcardNegatedAndHashedLinesAreMatchedOneByOne() throws Exception {
        Path file = write(line("*.lab.example,!bad.lab.example", keyA), hashed("r9", keyB));
        assertThat(check(file, "sw1.lab.example", 22, keyA, "yes")).isNull();
        assertThat(check(file, "bad.lab.example", 22, keyA, "yes")).contains("is not in");
        assertThat(check(file, "r9", 22, keyB, "yes")).isNull();
        assertThat(check(file, "r8", 22, keyB, "yes")).contains("is not in");
    }

    @Test
    void aChangedKeyIsRefusedEvenWithCheckingOff() throws Exception {
        Path file = write(line("r1", keyA));
        assertThat(check(file, "r1", 22, keyB, "no")).contains("has CHANGED").contains(file + ": r1 ");
    }

    @Test
    void revokedKeysAreRefusedWhereverTheyAreAndOnlyThem() throws Exception {
        Path file = write(line("r1", keyA), "@revoked * " + PublicKeyEntry.toString(keyA));
        assertThat(check(file, "r1", 22, keyA, "yes")).contains("is marked @revoked in " + file);
        Path other = write(line("r2", keyB), "@revoked * " + PublicKeyEntry.toString(keyA));
        assertThat(check(other, "r2", 22, keyB, "yes")).isNull();
    }

    @Test
    void certificateAuthorityLinesAreNotHostKeys() throws Exception {
        Path file = write("@cert-authority *.lab.example " + PublicKeyEntry.toString(keyB));
        assertThat(check(file, "sw1.lab.example", 22, keyA, "yes")).contains("is not in").doesNotContain("CHANGED");
    }

    @Test
    void aFileEditedBetweenConnectionsIsReadAgain() throws Exception {
        Path file = write(line("r1", keyA));
        assertThat(check(file, "r1", 22, keyA, "yes")).isNull();
        Files.writeString(file, "# the device was replaced\n" + line("r1", keyB) + "\n");
        assertThat(check(file, "r1", 22, keyA, "yes")).contains("has CHANGED");
        assertThat(check(file, "r1", 22, keyB, "yes")).isNull();
    }

    @Test
    void acceptNewRecordsManyHostsAtOnceAndStrictChecksSeeThemAll() throws Exception {
        Path file = write(line("r0", keyA));
        assertThat(check(file, "r0", 22, keyA, "yes")).isNull(); // parsed and kept before the appends
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                String host = "10.1.0." + i;
                Callable<String> accept = () -> check(file, host, 2222, keyB, "accept-new");
                results.add(pool.submit(accept));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(51).allMatch(l -> l.matches("(r0|\\[10\\.1\\.0\\.\\d+]:2222) ecdsa-sha2-nistp256 \\S+"));
        for (int i = 1; i <= 50; i++) {
            assertThat(check(file, "10.1.0." + i, 2222, keyB, "yes")).isNull();
            assertThat(check(file, "10.1.0." + i, 2222, keyA, "yes")).contains("has CHANGED");
        }
        // a second verifier (another run) reads the file as written
        assertThat(new KnownHostsVerifier().check(options(file, "10.1.0.50", 2222, "yes"), "10.1.0.50", 2222, keyB))
                .isNull();
    }

    @Test
    void acceptNewCreatesTheMissingDirectoryReadableOnlyByTheUserAsOpenSshDoes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                directory.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path home = directory.resolve("home");
        Path file = home.resolve(".ssh").resolve("known_hosts");

        assertThat(check(file, "r1", 22, keyA, "accept-new")).isNull();

        assertThat(Files.readAllLines(file)).containsExactly(line("r1", keyA));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        // a directory that exists keeps its permissions
        Path shared = Files.createDirectory(directory.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        assertThat(check(shared.resolve("known_hosts"), "r1", 22, keyA, "accept-new")).isNull();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-x---");
    }

    private String check(Path file, String hostname, int port, PublicKey key, String checking) throws Exception {
        return verifier.check(options(file, hostname, port, checking), hostname, port, key);
    }

    private static SshOptions options(Path file, String hostname, int port, String checking) throws Exception {
        return SshOptions.from("device", new ResolvedConnectionParams(hostname, port, "admin", null, "linux",
                Map.of("known_hosts_file", file.toString(), "strict_host_key_checking", checking)));
    }

    private Path write(String... lines) throws Exception {
        Path file = Files.createTempFile(directory, "known_hosts", "");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static String line(String hosts, PublicKey key) {
        return hosts + " " + PublicKeyEntry.toString(key);
    }

    /** A line as {@code ssh-keygen -H} writes it: {@code |1|salt|HMAC-SHA1(salt, host)| key}. */
    private static String hashed(String host, PublicKey key) throws Exception {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder base64 = Base64.getEncoder();
        return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(hash) + " "
                + PublicKeyEntry.toString(key);
    }

    private static PublicKey ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair().getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
