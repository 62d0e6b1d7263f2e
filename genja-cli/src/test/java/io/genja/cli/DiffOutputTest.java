package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskSuccess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffOutputTest {

    private static final String NTP_DIFF = """
            --- running
            +++ candidate
            @@ -1,2 +1,2 @@
             hostname r1
            -ntp server 192.0.2.1
            +ntp server 192.0.2.2""";

    /** {@code change} changes r1 (with a diff) and leaves s1 as it was; its sub-task {@code save} diffs r1 too. */
    private static GenjaCli.Builder cli() {
        return Fixtures.cli().catalog(TaskCatalog.of(List.of(
                FakeTask.of("change", (host, context) -> HostTaskResult.passed(host.name().equals("r1")
                        ? new TaskSuccess().withChanged(true).withDiff(NTP_DIFF).withSummary("1 line")
                        : new TaskSuccess().withSummary("nothing to change"))).withSubTasks("save").declaringDryRun(),
                FakeTask.of("save", (host, context) -> HostTaskResult.passed(host.name().equals("r1")
                        ? new TaskSuccess().withChanged(true).withDiff("+startup saved")
                        : new TaskSuccess())).declaringDryRun())));
    }

    @Test
    void printsEachChangedHostsDiffsInTaskTreeOrderBeforeTheTable() {
        CliRun run = CliRun.execute(cli(), "run", "change", "--filter", "r1,s1", "--diff");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("r1: change\n" + NTP_DIFF + "\n\nr1: save\n+startup saved\n")
                .doesNotContain("s1: change").doesNotContain("\u001B[");
        assertThat(run.out().indexOf("r1: change")).isLessThan(run.out().indexOf("HOST"));
    }

    @Test
    void withoutTheFlagNoDiffIsPrinted() {
        CliRun run = CliRun.execute(cli(), "run", "change", "--filter", "r1,s1");

        assertThat(run.out()).doesNotContain("ntp server").doesNotContain("r1: change");
    }

    @Test
    void aDryRunShowsWhatWouldChange() {
        CliRun run = CliRun.execute(cli(), "run", "change", "--filter", "r1", "--dry-run", "--diff");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("-ntp server 192.0.2.1\n+ntp server 192.0.2.2");
    }

    @Test
    void onATerminalAddedLinesAreGreenRemovedRedAndHunksCyan() {
        CliRun run = CliRun.execute(cli().terminal(true), "run", "change", "--filter", "r1", "--diff");

        assertThat(run.out()).contains("\u001B[32m+ntp server 192.0.2.2\u001B[0m")
                .contains("\u001B[31m-ntp server 192.0.2.1\u001B[0m")
                .contains("\u001B[36m@@ -1,2 +1,2 @@\u001B[0m")
                .contains("\n hostname r1\n");
    }

    @Test
    void noColorTurnsColoursOffEvenOnATerminal() {
        CliRun run = CliRun.execute(cli().terminal(true).env(Map.of("GENJA_LOGGING_ENABLED", "false",
                "NO_COLOR", "1")), "run", "change", "--filter", "r1", "--diff");

        assertThat(run.out()).contains("\n-ntp server 192.0.2.1\n+ntp server 192.0.2.2\n")
                .doesNotContain("\u001B[32m+").doesNotContain("\u001B[31m-");
    }

    @Test
    void theJsonFileKeepsTheDiffAsBefore(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("results.json");
        CliRun run = CliRun.execute(cli(), "run", "change", "--filter", "r1", "--diff", "--json",
                file.toString());

        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.toString()).contains(new ObjectMapper().writeValueAsString(NTP_DIFF));
    }
}
