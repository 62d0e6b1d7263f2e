package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many hosts at once through one shared client, asynchronously, against a real sshd. The bounds are generous on
 * purpose: on the 2-core CI machines sshd itself spends up to 3 s of CPU per login when 20 or more arrive together
 * (measured with the OpenSSH client: 20 concurrent logins, 33 s), so 50 logins take a minute or more there.
 */
@Timeout(300)
class OpenSshConcurrencyTest {

    @Test
    void fiftyConnectionsAtOnceAllAnswer(@TempDir Path directory) throws Exception {
        assumeTrue(OpenSshd.available(), "OpenSSH sshd is not installed");
        try (OpenSshd sshd = OpenSshd.start(directory); SshConnectionPlugin plugin = new SshConnectionPlugin()) {
            Path knownHosts = directory.resolve("known_hosts");
            Files.writeString(knownHosts, sshd.knownHostsLine());
            List<CompletableFuture<String>> outputs = new ArrayList<>();
            List<SshConnection> connections = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                SshConnection connection = (SshConnection) plugin.create(new ConnectionKey("host-" + i, "ssh"));
                connections.add(connection);
                ResolvedConnectionParams params = new ResolvedConnectionParams("127.0.0.1", sshd.port,
                        System.getProperty("user.name"), null, "linux", Map.of("private_key_file",
                        sshd.userKey.toString(), "known_hosts_file", knownHosts.toString(), "timeout", 240));
                outputs.add(connection.openAsync(params).toCompletableFuture()
                        .thenCompose(v -> connection.executeCommandAsync("show version")));
            }
            for (CompletableFuture<String> output : outputs) {
                assertThat(output.get(240, TimeUnit.SECONDS)).startsWith("OpenSSH test device");
            }
            connections.forEach(SshConnection::close);
        }
    }
}
