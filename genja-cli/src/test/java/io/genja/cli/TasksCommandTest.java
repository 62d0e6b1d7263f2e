package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskSuccess;
import java.util.List;
import org.junit.jupiter.api.Test;

class TasksCommandTest {

    @Test
    void listsEveryTaskWithPluginSubTasksAndOptions() {
        CliRun run = CliRun.execute(Fixtures.cli(), "tasks");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).containsSubsequence("backup", "mem", "The backup task.", "configure", "flaky", "greet",
                "parent");
        assertThat(run.out()).contains("sub-tasks:  greet, flaky");
        assertThat(run.out()).contains("-o template=<String> (required)  the template");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void showsWhichTasksDeclareDryRunSupportInTextAndJson() throws Exception {
        GenjaCli.Builder cli = Fixtures.cli().catalog(TaskCatalog.of(List.of(
                FakeTask.of("preview", (host, context) -> HostTaskResult.passed(new TaskSuccess())).declaringDryRun(),
                FakeTask.of("reload", (host, context) -> HostTaskResult.passed(new TaskSuccess())))));

        CliRun text = CliRun.execute(cli, "tasks");
        assertThat(text.out()).containsSubsequence("preview", "dry run:    supported", "reload");
        assertThat(text.out().substring(text.out().indexOf("reload"))).doesNotContain("dry run");

        JsonNode tasks = new ObjectMapper().readTree(CliRun.execute(cli, "tasks", "--json").out()).get("tasks");
        assertThat(tasks.get(0).get("supportsDryRun").asBoolean()).isTrue();
        assertThat(tasks.get(1).get("supportsDryRun").asBoolean()).isFalse();
    }

    @Test
    void printsTheCatalogAsJson() throws Exception {
        CliRun run = CliRun.execute(Fixtures.cli(), "tasks", "--json");

        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode tasks = new ObjectMapper().readTree(run.out()).get("tasks");
        assertThat(tasks).hasSize(5);
        JsonNode configure = tasks.get(1);
        assertThat(configure.get("name").asText()).isEqualTo("configure");
        assertThat(configure.get("options").get(0).get("name").asText()).isEqualTo("template");
        assertThat(configure.get("options").get(0).get("required").asBoolean()).isTrue();
        assertThat(tasks.get(0).get("connectionPlugin").asText()).isEqualTo("mem");
    }
}
