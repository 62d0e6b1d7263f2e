package io.genja.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.Inventory;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.task.TaskSuccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * file_copy against a real OpenSSH sshd on 127.0.0.1 (a Linux host): upload by SFTP and by SCP, verified with the
 * host's own {@code md5sum}, a second run that copies nothing, and a download of what was uploaded. The limit is
 * generous: on a loaded machine every sshd login and exec forks its own processes, seconds each.
 */
@Timeout(180)
class FileCopyOpenSshTest {

    @TempDir
    static Path directory;
    static LinuxSshd sshd;

    @BeforeAll
    static void startSshd() throws Exception {
        assumeTrue(LinuxSshd.available(), "OpenSSH sshd, ssh-keygen or scp is not installed "
                + "(apt-get install openssh-server openssh-client)");
        sshd = LinuxSshd.start(Files.createDirectories(directory.resolve("sshd")));
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static Genja genja() {
        Inventory inventory = Inventory.builder().host("server", Attributes.builder()
                .hostname("127.0.0.1").port(sshd.port).username(System.getProperty("user.name")).platform("linux")
                .connectionOptions("ssh", new ConnectionOptions(null, null, null, null, null, Map.of(
                        "private_key_file", sshd.userKey.toString(),
                        "known_hosts_file", sshd.knownHosts.toString())))
                .build()).build();
        return Genja.builder(inventory).build();
    }

    private static TaskSuccess success(TaskResults results) {
        HostTaskResult result = results.hostResult("server");
        assertThat(result.isPassed()).as("%s", result).isTrue();
        return ((HostTaskResult.Passed) result).success();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sftp", "scp"})
    void uploadsVerifiesWithMd5sumAndASecondRunCopiesNothing(String protocol) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 5];
        new Random(protocol.hashCode()).nextBytes(content);
        Path image = Files.write(directory.resolve("image-" + protocol + ".bin"), content);
        Path remote = Files.createDirectories(directory.resolve("remote-" + protocol)).resolve("image.bin");
        try (Genja genja = genja()) {
            RunOptions options = RunOptions.defaults().option("source", image.toString())
                    .option("destination", remote.toString()).option("protocol", protocol);
            TaskSuccess first = success(genja.run("file_copy", options));
            assertThat(first.changed()).isTrue();
            assertThat(first.summary()).contains("uploaded image-" + protocol + ".bin (3.0 MiB) to " + remote,
                    "MD5 verified by md5sum " + remote);
            assertThat(Files.readAllBytes(remote)).isEqualTo(content);

            TaskSuccess second = success(genja.run("file_copy", options));
            assertThat(second.changed()).isFalse();
            assertThat(second.summary()).startsWith(remote + " is already on the device with MD5 ");

            Path downloads = directory.resolve("downloads-" + protocol);
            TaskSuccess download = success(genja.run("file_copy", RunOptions.defaults().option("direction", "download")
                    .option("source", remote.toString()).option("destination", downloads.toString())
                    .option("protocol", protocol)));
            assertThat(download.changed()).isTrue();
            assertThat(Files.readAllBytes(downloads.resolve("server").resolve("image.bin"))).isEqualTo(content);
        }
    }
}
