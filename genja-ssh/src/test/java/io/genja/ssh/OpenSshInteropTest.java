package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genja.connection.ConnectionException;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.task.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plugin against a real OpenSSH sshd on 127.0.0.1. Skipped when sshd is not installed ({@code .ci/run}
 * installs it). Keyboard-interactive, which OpenSSH offers only through PAM, has its own sshd in
 * {@link OpenSshKeyboardInteractiveTest}.
 */
@Timeout(60)
class OpenSshInteropTest {

    @TempDir
    static Path directory;
    static OpenSshd sshd;
    static SshConnectionPlugin plugin;

    @BeforeAll
    static void startSshd() throws Exception {
        assumeTrue(OpenSshd.available(), "OpenSSH sshd is not installed (apt-get install openssh-server)");
        sshd = OpenSshd.start(directory);
        plugin = new SshConnectionPlugin();
    }

    @AfterAll
    static void stopSshd() {
        if (plugin != null) {
            plugin.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void logsInWithAnEd25519KeyFromSshKeygen() throws Exception {
        Path knownHosts = knownHosts(sshd.knownHostsLine());
        SshConnection connection = open(System.getProperty("user.name"), null,
                Map.of("private_key_file", sshd.userKey.toString(), "known_hosts_file", knownHosts.toString()));
        assertThat(connection.executeCommand("show version")).isEqualTo("OpenSSH test device\nuser "
                + System.getProperty("user.name") + "\n");
        CommandResult failed = connection.execute("show bogus");
        assertThat(failed.exitStatus()).isEqualTo(2);
        assertThat(failed.stderr()).contains("% Invalid input: show bogus");
        assertThatThrownBy(() -> connection.executeCommand("show bogus")).isInstanceOfSatisfying(
                ConnectionException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.COMMAND));
        connection.close();
    }

    @Test
    void openSshAnswersKeepalivesSoTheSessionStaysOpen() throws Exception {
        Path knownHosts = knownHosts(sshd.knownHostsLine());
        SshConnection connection = open(System.getProperty("user.name"), null,
                Map.of("private_key_file", sshd.userKey.toString(), "known_hosts_file", knownHosts.toString(),
                        "keepalive", 0.2, "keepalive_count_max", 2));
        // sshd answers keepalive@openssh.com with a failure reply; were that not counted as an answer, the client
        // would close the session after two requests, 0.4 s in.
        assertThat(connection.awaitSessionClosed(Duration.ofSeconds(2))).isFalse();
        assertThat(connection.isAlive()).isTrue();
        assertThat(connection.executeCommand("show version")).startsWith("OpenSSH test device");
        connection.close();
    }

    @ParameterizedTest
    @CsvSource({"id_rsa_encrypted, rsa passphrase", "id_rsa_pem_encrypted, pem passphrase", "id_rsa_pem, ''"})
    void logsInWithRsaKeysInOpenSshAndPemFormats(String key, String passphrase) throws Exception {
        Path knownHosts = knownHosts(sshd.knownHostsLine());
        Map<String, Object> extras = new LinkedHashMap<>(Map.of("private_key_file",
                sshd.directory.resolve(key).toString(), "known_hosts_file", knownHosts.toString()));
        if (!passphrase.isEmpty()) {
            extras.put("passphrase", passphrase);
        }
        SshConnection connection = open(System.getProperty("user.name"), null, extras);
        assertThat(connection.executeCommand("show version")).startsWith("OpenSSH test device");
        connection.close();
    }

    @ParameterizedTest
    @CsvSource({"id_rsa_encrypted, rsa passphrase", "id_rsa_pem_encrypted, pem passphrase",
            "id_ecdsa_encrypted, secret passphrase"})
    void aMissingOrWrongPassphraseSaysWhichAndNeverShowsIt(String key, String passphrase) throws Exception {
        Path file = sshd.directory.resolve(key);
        String knownHosts = knownHosts(sshd.knownHostsLine()).toString();
        // first a host with the right passphrase: the plugin keeps the decrypted key, but not for other passphrases
        open(System.getProperty("user.name"), null, Map.of("private_key_file", file.toString(), "known_hosts_file",
                knownHosts, "passphrase", passphrase)).close();
        assertThatThrownBy(() -> open(System.getProperty("user.name"), null, Map.of("private_key_file",
                file.toString(), "known_hosts_file", knownHosts))).isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).as(e.getMessage()).isEqualTo(FailureKind.VALIDATION);
                    assertThat(e.getMessage()).contains("cannot load the private key " + file)
                            .endsWith("(if it is encrypted, set extras.passphrase)");
                });
        assertThatThrownBy(() -> open(System.getProperty("user.name"), null, Map.of("private_key_file",
                file.toString(), "known_hosts_file", knownHosts, "passphrase", "Not-the-passphrase-42")))
                .isInstanceOfSatisfying(
                ConnectionException.class, e -> {
                    assertThat(e.kind()).as(e.getMessage()).isEqualTo(FailureKind.VALIDATION);
                    assertThat(e.getMessage()).endsWith("(is extras.passphrase right?)")
                            .doesNotContain("Not-the-passphrase-42");
                });
    }

    @Test
    void logsInWithAPassphraseProtectedEcdsaKey() throws Exception {
        SshConnection connection = open(System.getProperty("user.name"), null, Map.of(
                "private_key_file", sshd.encryptedUserKey.toString(), "passphrase", "secret passphrase",
                "known_hosts_file", knownHosts(sshd.knownHostsLine()).toString()));
        assertThat(connection.executeCommand("echo hello")).isEqualTo("hello\n");
        connection.close();
    }

    @Test
    void logsInWithAPassword() throws Exception {
        assumeTrue(userExists(OpenSshd.PASSWORD_USER), "user genja-test (created by .ci/run) does not exist");
        SshConnection connection = open(OpenSshd.PASSWORD_USER, OpenSshd.PASSWORD,
                Map.of("known_hosts_file", knownHosts(sshd.knownHostsLine()).toString()));
        assertThat(connection.executeCommand("show version")).contains("user genja-test");
        connection.close();
    }

    @Test
    void refusesAWrongPasswordAsAnAuthenticationFailure() throws Exception {
        assumeTrue(userExists(OpenSshd.PASSWORD_USER), "user genja-test (created by .ci/run) does not exist");
        assertThatThrownBy(() -> open(OpenSshd.PASSWORD_USER, "wrong",
                Map.of("known_hosts_file", knownHosts(sshd.knownHostsLine()).toString())))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("genja-test").doesNotContain("wrong");
                });
    }

    @Test
    void refusesAChangedHostKeyByDefaultAndEvenWithCheckingOff() throws Exception {
        Path other = directory.resolve("other_host_key");
        OpenSshd.keygen("ed25519", "", other);
        String[] parts = Files.readString(Path.of(other + ".pub")).split("\\s+");
        Path knownHosts = knownHosts("[127.0.0.1]:" + sshd.port + " " + parts[0] + " " + parts[1] + "\n");
        for (String checking : new String[] {"yes", "accept-new", "no"}) {
            assertThatThrownBy(() -> open(System.getProperty("user.name"), null, Map.of(
                    "private_key_file", sshd.userKey.toString(), "known_hosts_file", knownHosts.toString(),
                    "strict_host_key_checking", checking)))
                    .isInstanceOfSatisfying(ConnectionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
                        assertThat(e.getMessage()).contains("CHANGED");
                    });
        }
    }

    @Test
    void readsKnownHostsHashedBySshKeygen() throws Exception {
        Path knownHosts = knownHosts(sshd.knownHostsLine());
        Process hash = new ProcessBuilder("ssh-keygen", "-q", "-H", "-f", knownHosts.toString())
                .redirectErrorStream(true).start();
        hash.getInputStream().readAllBytes();
        assertThat(hash.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(knownHosts)).startsWith("|1|");
        SshConnection connection = open(System.getProperty("user.name"), null, Map.of(
                "private_key_file", sshd.userKey.toString(), "known_hosts_file", knownHosts.toString()));
        assertThat(connection.executeCommand("echo hashed")).isEqualTo("hashed\n");
        connection.close();
    }

    @Test
    void refusesAnUnknownHostKeyByDefault() throws Exception {
        assertThatThrownBy(() -> open(System.getProperty("user.name"), null, Map.of(
                "private_key_file", sshd.userKey.toString(), "known_hosts_file", knownHosts("").toString())))
                .isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.getMessage())
                        .contains("is not in").contains("accept-new"));
    }

    @Test
    void acceptNewRecordsTheKeyAndLaterConnectionsCheckIt() throws Exception {
        Path knownHosts = directory.resolve("fresh/known_hosts");
        Map<String, Object> extras = Map.of("private_key_file", sshd.userKey.toString(),
                "known_hosts_file", knownHosts.toString(), "strict_host_key_checking", "accept-new");
        open(System.getProperty("user.name"), null, extras).close();
        assertThat(Files.readString(knownHosts)).startsWith("[127.0.0.1]:" + sshd.port + " ssh-ed25519 ");
        SshConnection strict = open(System.getProperty("user.name"), null, Map.of(
                "private_key_file", sshd.userKey.toString(), "known_hosts_file", knownHosts.toString()));
        assertThat(strict.executeCommand("echo again")).isEqualTo("again\n");
        strict.close();
    }

    @Test
    void asksForTheKeyTypeKnownHostsRecordsWhenTheServerHasSeveral() throws Exception {
        // Ed25519 is asked for first by default; a host known only by its ECDSA key must still be verifiable.
        Path knownHosts = knownHosts(sshd.ecdsaKnownHostsLine());
        SshConnection connection = open(System.getProperty("user.name"), null, Map.of(
                "private_key_file", sshd.userKey.toString(), "known_hosts_file", knownHosts.toString()));
        assertThat(connection.executeCommand("echo ecdsa")).isEqualTo("ecdsa\n");
        connection.close();
    }

    @Test
    void acceptNewRecordsANewHostOnceWhenManySessionsReachItAtOnce() throws Exception {
        Path knownHosts = directory.resolve("concurrent/known_hosts");
        Map<String, Object> extras = Map.of("private_key_file", sshd.userKey.toString(),
                "known_hosts_file", knownHosts.toString(), "strict_host_key_checking", "accept-new");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SshConnection>> opened = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                opened.add(pool.submit(() -> open(System.getProperty("user.name"), null, extras)));
            }
            for (Future<SshConnection> connection : opened) {
                connection.get(60, TimeUnit.SECONDS).close();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readAllLines(knownHosts)).hasSize(1).first().asString()
                .startsWith("[127.0.0.1]:" + sshd.port + " ssh-ed25519 ");
    }

    @Test
    void honoursHostNamePortUserAndIdentityFileFromAnSshConfigFile() throws Exception {
        Path config = directory.resolve("ssh_config");
        Files.writeString(config, String.join("\n",
                "Host lab-router",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port,
                "  User " + System.getProperty("user.name"),
                "  IdentityFile " + sshd.userKey,
                ""));
        SshConnection connection = (SshConnection) plugin.create(new ConnectionKey("lab-router", "ssh"));
        connection.open(new ResolvedConnectionParams("lab-router", null, null, null, "linux", Map.of(
                "ssh_config_file", config.toString(), "timeout", 10,
                "known_hosts_file", knownHosts(sshd.knownHostsLine()).toString())));
        assertThat(connection.executeCommand("show version")).contains("user " + System.getProperty("user.name"));
        connection.close();
    }

    @Test
    void reachesAHostThroughAProxyJumpFromTheSshConfig() throws Exception {
        String user = System.getProperty("user.name");
        Path config = directory.resolve("ssh_config_jump");
        Files.writeString(config, String.join("\n",
                "Host bastion",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port,
                "  User " + user,
                "  IdentityFile " + sshd.userKey,
                "Host behind-bastion",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port,
                "  User " + user,
                "  IdentityFile " + sshd.userKey,
                "  ProxyJump bastion",
                ""));
        SshConnection connection = (SshConnection) plugin.create(new ConnectionKey("behind-bastion", "ssh"));
        connection.open(new ResolvedConnectionParams("behind-bastion", null, null, null, "linux", Map.of(
                "ssh_config_file", config.toString(), "timeout", 10,
                "known_hosts_file", knownHosts(sshd.knownHostsLine()).toString())));
        assertThat(connection.executeCommand("echo through the bastion")).isEqualTo("through the bastion\n");
        connection.close();
    }

    private static SshConnection open(String user, String password, Map<String, Object> extras) throws Exception {
        SshConnection connection = (SshConnection) plugin.create(new ConnectionKey("openssh", "ssh"));
        Map<String, Object> all = new LinkedHashMap<>(extras);
        all.put("timeout", 10);
        connection.open(new ResolvedConnectionParams("127.0.0.1", sshd.port, user, password, "linux", all));
        return connection;
    }

    private static Path knownHosts(String content) throws Exception {
        Path file = Files.createTempFile(directory, "known_hosts", "");
        Files.writeString(file, content);
        return file;
    }

    private static boolean userExists(String user) throws Exception {
        return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(user + ":"));
    }
}
