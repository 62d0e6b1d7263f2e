package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.Inventory;
import io.genja.ssh.SshConnectionPlugin;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskSuccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file a run writes is checked before the first host is touched: bad usage means nothing ran. */
class OutputFilesTest {

    @TempDir
    Path directory;

    private final AtomicInteger ran = new AtomicInteger();

    @Test
    void aJsonFileInAMissingDirectoryStopsTheRunBeforeAnyHost() {
        CliRun run = run("run", "change", "--json", "/nonexistent-dir/out.json");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo("genja: error: --json file /nonexistent-dir/out.json cannot be written: the "
                + "directory /nonexistent-dir does not exist\n");
        assertThat(run.out()).isEmpty();
        assertThat(ran).hasValue(0);
    }

    @Test
    void aJsonFileThatIsADirectoryStopsTheRunBeforeAnyHost() throws IOException {
        Files.createDirectory(directory.resolve("out.json"));

        CliRun run = run("run", "change", "--json", "out.json");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo("genja: error: --json file " + directory.resolve("out.json")
                + " is a directory; give a file path\n");
        assertThat(ran).hasValue(0);
    }

    @Test
    void aLogFileThatIsADirectoryStopsTheRunBeforeAnyHost() throws IOException {
        Files.createDirectory(directory.resolve("genja.log"));
        Path config = Files.writeString(directory.resolve("config.yaml"),
                "logging:\n  enabled: true\n  log_file: genja.log\n");

        CliRun run = run("-c", config.toString(), "run", "change");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo("genja: error: logging.log_file " + directory.resolve("genja.log")
                + " is a directory; give a file path\n");
        assertThat(ran).hasValue(0);
    }

    @Test
    void aLogFileInADirectoryStillToBeCreatedIsFine() throws IOException {
        Path config = Files.writeString(directory.resolve("config.yaml"),
                "logging:\n  enabled: true\n  log_file: logs/genja.log\n");

        CliRun run = run("-c", config.toString(), "run", "change", "--json", "out.json");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(ran).hasValue(3);
        assertThat(directory.resolve("out.json")).exists();
        assertThat(directory.resolve("logs/genja.log")).exists();
    }

    @Test
    void aKnownHostsFileTheSshPluginWouldWriteIsCheckedToo() throws IOException {
        Path knownHosts = Files.createDirectory(directory.resolve("known_hosts"));
        Inventory inventory = Inventory.builder().host("r1", Attributes.builder().hostname("127.0.0.1")
                .connectionOptions("ssh", new ConnectionOptions(null, null, null, null, null, Map.of(
                        "strict_host_key_checking", "accept-new", "known_hosts_file", knownHosts.toString())))
                .build()).build();
        FakeTask.Body body = (host, context) -> {
            ran.incrementAndGet();
            return HostTaskResult.passed(new TaskSuccess());
        };
        // the ssh plugin is named by a sub-task only: the whole task tree counts
        TaskCatalog catalog = TaskCatalog.of(List.of(FakeTask.of("parent", body).withSubTasks("save"),
                FakeTask.of("save", body).withPlugin("ssh")));

        CliRun run = CliRun.execute(Fixtures.cli().inventory(inventory).catalog(catalog)
                .plugins(Fixtures.plugins().register(new SshConnectionPlugin())).workingDirectory(directory), "run",
                "parent");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo("genja: error: the ssh plugin's file " + knownHosts
                + " is a directory; give a file path\n");
        assertThat(ran).hasValue(0);
    }

    private CliRun run(String... args) {
        TaskCatalog catalog = TaskCatalog.of(List.of(FakeTask.of("change", (host, context) -> {
            ran.incrementAndGet();
            return HostTaskResult.passed(new TaskSuccess().withChanged(true));
        })));
        return CliRun.execute(Fixtures.cli().catalog(catalog).workingDirectory(directory)
                .env(Map.of("GENJA_LOGGING_ENABLED", "false")), args);
    }
}
