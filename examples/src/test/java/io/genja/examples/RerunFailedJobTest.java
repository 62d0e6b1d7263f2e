package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.task.TaskResults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job, then {@code --rerun-failed} on its JSON: like Ansible's retry file, only the hosts that failed. */
class RerunFailedJobTest {

    @TempDir
    Path directory;

    @Test
    void rerunsExactlyTheTwoHostsThatFailed() throws IOException {
        Path backups = directory.resolve("backups");
        ExamplesAppTest.Outcome first = run("-o", "directory=" + backups, "--json", directory.resolve("first.json")
                .toString());
        assertThat(first.status()).as(first.toString()).isEqualTo(1);

        ExamplesAppTest.Outcome rerun = run("-o", "directory=" + backups, "--rerun-failed",
                directory.resolve("first.json").toString(), "--json", directory.resolve("rerun.json").toString());

        assertThat(rerun.status()).as(rerun.toString()).isEqualTo(1);
        assertThat(rerun.out()).contains("Rerunning the 2 hosts that failed in ")
                .contains("backup_config: 2 hosts, 0 passed (0 changed), 2 failed (1 unreachable), 0 skipped");
        TaskResults rerunResults = TaskResults.fromJson(Files.readString(directory.resolve("rerun.json")));
        assertThat(rerunResults.hosts()).containsExactly(ExamplesApp.REFUSES_LOGIN, ExamplesApp.DROPS_SESSION);
    }

    private ExamplesAppTest.Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ExamplesApp.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("GENJA_LOGGING_LOG_FILE", directory.resolve("genja.log").toString()));
        return new ExamplesAppTest.Outcome(status, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }
}
