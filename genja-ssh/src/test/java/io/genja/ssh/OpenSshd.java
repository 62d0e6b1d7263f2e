package io.genja.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} on {@code 127.0.0.1}, with its own config, host key and authorized key in a
 * temporary directory, and a {@code ForceCommand} script that plays a device. Used by the interop tests and the
 * fan-out benchmark's twin script.
 */
final class OpenSshd implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** Created by .ci/run; the password test is skipped without it. */
    static final String PASSWORD_USER = "genja-test";
    static final String PASSWORD = "Genja-test-pw-1";

    final Path directory;
    final int port;
    final Path userKey;
    final Path encryptedUserKey;
    final Path hostPublicKey;
    private final Process process;

    private OpenSshd(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.userKey = directory.resolve("id_ed25519");
        this.encryptedUserKey = directory.resolve("id_ecdsa_encrypted");
        this.hostPublicKey = directory.resolve("host_ed25519_key.pub");
    }

    static boolean available() {
        return Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
    }

    static OpenSshd start(Path directory) throws IOException, InterruptedException {
        return start(directory, false);
    }

    /**
     * @param keyboardInteractive log in only by keyboard-interactive, which OpenSSH offers through PAM: the
     *     system's {@code /etc/pam.d/sshd} stack (pam_unix) asks for the password
     */
    static OpenSshd start(Path directory, boolean keyboardInteractive) throws IOException, InterruptedException {
        Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory
        keygen("ed25519", "", directory.resolve("host_ed25519_key"));
        keygen("ecdsa", "", directory.resolve("host_ecdsa_key"));
        keygen("ed25519", "", directory.resolve("id_ed25519"));
        keygen("ecdsa", "secret passphrase", directory.resolve("id_ecdsa_encrypted"));
        keygen("rsa", "rsa passphrase", directory.resolve("id_rsa_encrypted"));
        // the PEM ("BEGIN RSA PRIVATE KEY") format older ssh-keygen wrote, and many device tools still do
        keygen("rsa", "pem passphrase", directory.resolve("id_rsa_pem_encrypted"), "-m", "PEM");
        keygen("rsa", "", directory.resolve("id_rsa_pem"), "-m", "PEM");
        StringBuilder authorized = new StringBuilder();
        for (String key : List.of("id_ed25519", "id_ecdsa_encrypted", "id_rsa_encrypted", "id_rsa_pem_encrypted",
                "id_rsa_pem")) {
            authorized.append(Files.readString(directory.resolve(key + ".pub")));
        }
        Files.writeString(directory.resolve("authorized_keys"), authorized);
        Path device = directory.resolve("device.sh");
        Files.writeString(device, """
                #!/bin/sh
                # Plays a tiny device: the command comes from the ssh client, not from a login shell.
                case "$SSH_ORIGINAL_COMMAND" in
                  "show version") echo "OpenSSH test device"; echo "user $(id -un)";;
                  "echo "*) echo "${SSH_ORIGINAL_COMMAND#echo }";;
                  *) echo "% Invalid input: $SSH_ORIGINAL_COMMAND" >&2; exit 2;;
                esac
                """);
        Files.setPosixFilePermissions(device, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path config = directory.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + directory.resolve("host_ed25519_key"),
                "HostKey " + directory.resolve("host_ecdsa_key"),
                "PidFile " + directory.resolve("sshd.pid"),
                "AuthorizedKeysFile " + directory.resolve("authorized_keys"),
                "StrictModes no",
                "UsePAM " + (keyboardInteractive ? "yes" : "no"),
                "PermitRootLogin yes",
                "PubkeyAuthentication " + (keyboardInteractive ? "no" : "yes"),
                "PasswordAuthentication " + (keyboardInteractive ? "no" : "yes"),
                "KbdInteractiveAuthentication " + (keyboardInteractive ? "yes" : "no"),
                "MaxStartups 200:30:400",
                "MaxSessions 100",
                "ForceCommand " + device,
                "LogLevel " + System.getProperty("genja.test.sshdLogLevel", "ERROR"),
                ""));
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("sshd.log").toFile()).start();
        OpenSshd sshd = new OpenSshd(directory, port, process);
        sshd.awaitListening();
        return sshd;
    }

    /** Waits (bounded) until sshd accepts connections; fails with its log if it exits. */
    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited: " + Files.readString(directory.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS); // sshd starts in milliseconds; poll, bounded
            }
        }
        close();
        throw new IOException("sshd did not listen on 127.0.0.1:" + port + " within 10 s");
    }

    /** A known_hosts line for this server's real Ed25519 host key. */
    String knownHostsLine() throws IOException {
        return knownHostsLine(hostPublicKey);
    }

    /** A known_hosts line for this server's ECDSA host key (it has both, as most devices have several). */
    String ecdsaKnownHostsLine() throws IOException {
        return knownHostsLine(directory.resolve("host_ecdsa_key.pub"));
    }

    private String knownHostsLine(Path publicKey) throws IOException {
        String[] parts = Files.readString(publicKey).strip().split("\\s+");
        return "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1] + "\n";
    }

    static void keygen(String type, String passphrase, Path file, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C",
                "genja-test", "-f", file.toString()));
        command.addAll(List.of(options));
        Process keygen = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes());
        if (!keygen.waitFor(30, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
            throw new IOException("ssh-keygen -t " + type + " failed: " + output);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
