package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyboard-interactive against a real sshd that offers nothing else. OpenSSH implements it through PAM, so this
 * sshd uses the system's {@code /etc/pam.d/sshd}; it needs the {@code genja-test} user that .ci/run creates.
 */
@Timeout(60)
class OpenSshKeyboardInteractiveTest {

    @Test
    void logsInByKeyboardInteractive(@TempDir Path directory) throws Exception {
        assumeTrue(OpenSshd.available(), "OpenSSH sshd is not installed");
        assumeTrue(Files.exists(Path.of("/etc/pam.d/sshd")), "no PAM configuration for sshd");
        assumeTrue(Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(OpenSshd.PASSWORD_USER + ":")),
                "user genja-test (created by .ci/run) does not exist");
        try (OpenSshd sshd = OpenSshd.start(directory, true); SshConnectionPlugin plugin = new SshConnectionPlugin()) {
            Path knownHosts = directory.resolve("known_hosts");
            Files.writeString(knownHosts, sshd.knownHostsLine());
            SshConnection connection = (SshConnection) plugin.create(new ConnectionKey("pam-host", "ssh"));
            connection.open(new ResolvedConnectionParams("127.0.0.1", sshd.port, OpenSshd.PASSWORD_USER,
                    OpenSshd.PASSWORD, "linux", Map.of("known_hosts_file", knownHosts.toString(), "timeout", 20)));
            assertThat(connection.executeCommand("show version")).contains("user genja-test");
            connection.close();
        }
    }
}
