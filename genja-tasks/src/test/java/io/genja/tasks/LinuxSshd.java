package io.genja.tasks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} on {@code 127.0.0.1} playing a plain Linux host: login by key, a shell for exec
 * commands ({@code md5sum}), the {@code scp} program and the SFTP subsystem. genja-ssh's interop tests use an sshd
 * that plays a network device through a {@code ForceCommand}, which leaves no room for file transfers; this one
 * has none. Skipped where sshd is not installed ({@code .ci/run} installs it).
 */
final class LinuxSshd implements AutoCloseable {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    final int port;
    final Path userKey;
    final Path knownHosts;
    private final Path directory;
    private final Process process;

    private LinuxSshd(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.userKey = directory.resolve("id_ed25519");
        this.knownHosts = directory.resolve("known_hosts");
    }

    static boolean available() {
        return Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"))
                && Files.isExecutable(Path.of("/usr/bin/scp"));
    }

    static LinuxSshd start(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory
        keygen(directory.resolve("host_ed25519_key"));
        keygen(directory.resolve("id_ed25519"));
        Files.copy(directory.resolve("id_ed25519.pub"), directory.resolve("authorized_keys"));
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
                "PidFile " + directory.resolve("sshd.pid"),
                "AuthorizedKeysFile " + directory.resolve("authorized_keys"),
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin yes",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "Subsystem sftp internal-sftp",
                "LogLevel ERROR",
                ""));
        String[] hostKey = Files.readString(directory.resolve("host_ed25519_key.pub")).strip().split("\\s+");
        Files.writeString(directory.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey[0] + " "
                + hostKey[1] + "\n");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("sshd.log").toFile()).start();
        LinuxSshd sshd = new LinuxSshd(directory, port, process);
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

    private static void keygen(Path file) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "genja-test",
                "-f", file.toString())).redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes());
        if (!keygen.waitFor(30, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + output);
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
