package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
