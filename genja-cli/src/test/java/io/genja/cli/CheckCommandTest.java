package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskSuccess;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckCommandTest {

    @Test
    void aConsistentSetupIsOk() {
        CliRun run = CliRun.execute(Fixtures.cli(), "check");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("inventory: 3 hosts, 2 groups").contains("plugins:   mem").endsWith("ok\n");
    }

    @Test
    void reportsEveryCatalogProblemAtOnce() {
        FakeTask.Body body = (host, context) -> HostTaskResult.passed(new TaskSuccess());
        TaskCatalog catalog = TaskCatalog.of(List.of(
                FakeTask.of("backup", body).withPlugin("shh"),
                FakeTask.of("audit_all", body).withProcessors("audti").withSubTasks("backup", "missing")));

        CliRun run = CliRun.execute(Fixtures.cli().catalog(catalog), "check");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("error: task \"audit_all\" (io.genja.cli.FakeTask) uses processor \"audti\","
                + " which is not registered; registered: none.");
        assertThat(run.err()).contains("error: task \"audit_all\" (io.genja.cli.FakeTask) lists sub-task \"missing\","
                + " which is not in the task catalog; known tasks: audit_all, backup");
        assertThat(run.err()).contains("error: task \"backup\" (io.genja.cli.FakeTask) needs connection plugin \"shh\","
                + " which is not registered; registered: mem.");
        assertThat(run.err()).endsWith("3 problems found\n");
    }
}
