package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.task.TaskResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genja run TASK --rerun-failed FILE}: only the hosts that failed in an earlier run's JSON. */
class RerunFailedTest {

    @TempDir
    Path directory;

    private CliRun genja(String... args) {
        return CliRun.execute(Fixtures.cli().workingDirectory(directory), args);
    }

    @Test
    void rerunsOnlyTheHostsThatFailedOrWereUnreachable() throws IOException {
        genja("run", "parent", "--json", "parent.json");   // r2 fails in the sub-task flaky
        genja("run", "backup", "--json", "backup.json");   // r2 is unreachable

        CliRun afterParent = genja("run", "greet", "--rerun-failed", "parent.json", "--json", "again.json");
        CliRun afterBackup = genja("run", "backup", "--rerun-failed", "backup.json");

        assertThat(afterParent.status()).as(afterParent.toString()).isZero();
        assertThat(afterParent.out()).startsWith("Rerunning the 1 host that failed in parent.json.\n")
                .containsPattern("(?m)^r2\\s+ok\\s+").doesNotContainPattern("(?m)^r1\\s")
                .contains("greet: 1 host, 1 passed");
        assertThat(TaskResults.fromJson(Files.readString(directory.resolve("again.json"))).hosts())
                .containsExactly("r2");
        assertThat(afterBackup.status()).as(afterBackup.toString()).isEqualTo(ExitStatus.HOSTS_FAILED);
        assertThat(afterBackup.out()).contains("backup: 1 host, 0 passed (0 changed), 1 failed (1 unreachable)");
    }

    @Test
    void withAFilterOnlyTheFailedHostsItSelectsRun() {
        genja("run", "flaky", "--json", "flaky.json");

        CliRun outside = genja("run", "greet", "--rerun-failed", "flaky.json", "--filter", "edge");
        CliRun inside = genja("run", "greet", "--rerun-failed", "flaky.json", "--filter", "core");

        assertThat(outside.status()).as(outside.toString()).isZero();
        assertThat(outside.out()).startsWith("Rerunning 0 of the 1 host that failed in flaky.json (the others are not"
                + " selected by --filter).\n").contains("greet: 0 hosts, 0 passed");
        assertThat(inside.out()).startsWith("Rerunning the 1 host that failed in flaky.json.\n")
                .contains("greet: 1 host, 1 passed");
    }

    @Test
    void whenNothingFailedNothingRunsAndTheRunPasses() {
        genja("run", "greet", "--json", "greet.json");

        CliRun rerun = genja("run", "flaky", "--rerun-failed", "greet.json", "--json", "none.json");

        assertThat(rerun.status()).as(rerun.toString()).isZero();
        assertThat(rerun.out()).startsWith("Rerunning the 0 hosts that failed in greet.json.\n")
                .contains("flaky: 0 hosts, 0 passed");
        assertThat(directory.resolve("none.json")).exists();
    }

    @Test
    void aHostTheInventoryDoesNotHaveIsAnErrorNamingIt() throws IOException {
        genja("run", "flaky", "--json", "flaky.json");
        Path edited = directory.resolve("flaky.json");
        Files.writeString(edited, Files.readString(edited).replace("\"s1\"", "\"s9\""));

        CliRun rerun = genja("run", "flaky", "--rerun-failed", "flaky.json");

        assertThat(rerun.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(rerun.err()).isEqualTo("genja: error: --rerun-failed flaky.json: host s9 is not in the inventory;"
                + " the file must come from a run on this inventory\n");
        assertThat(rerun.out()).isEmpty();
    }

    @Test
    void aMissingFileIsAnError() {
        CliRun rerun = genja("run", "flaky", "--rerun-failed", "nope.json");

        assertThat(rerun.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(rerun.err()).isEqualTo("genja: error: nope.json: no such file\n");
    }
}
