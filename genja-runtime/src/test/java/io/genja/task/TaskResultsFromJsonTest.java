package io.genja.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TaskResults#fromJson}: the document {@code toJson()} writes, read back for tools that merge results. */
class TaskResultsFromJsonTest {

    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    private static TaskResults sample() {
        Map<String, HostTaskResult> hosts = new LinkedHashMap<>();
        hosts.put("r2", HostTaskResult.passed(new TaskSuccess().withResult(Map.of("version", "17.3"))
                .withSummary("IOS XE 17.3").withChanged(true).withDiff("+ntp server 1.1.1.1")
                .withMetadata("lines", 312).withWarning("old image")).withDuration(Duration.ofNanos(12_345_000)));
        hosts.put("r1", HostTaskResult.failed(new TaskFailure(FailureKind.AUTHENTICATION, "permission denied",
                "io.genja.connection.ConnectionException", false, null, true)));
        hosts.put("r4", HostTaskResult.failed(new TaskFailure(FailureKind.CONNECTION, "dropped", null, true,
                "after 3 lines", false)));
        hosts.put("r3", HostTaskResult.skipped(new TaskSkip("parent failed", null)));
        Map<String, HostTaskResult> sub = new LinkedHashMap<>();
        sub.put("r2", HostTaskResult.passed(new TaskSuccess().withResult(List.of("a", "b"))));
        TaskResults save = new TaskResults("save", sub, Map.of(), START.plusMillis(5), START.plusMillis(9), List.of());
        return new TaskResults("backup", hosts, Map.of("save", save), START, START.plusMillis(20),
                List.of(new HookError("audit", "onTaskStart", "backup", null, "java.lang.IllegalStateException",
                        "disk full")));
    }

    @Test
    void readsBackWhatItWrote() {
        TaskResults written = sample();

        TaskResults read = TaskResults.fromJson(written.toPrettyJson());

        assertThat(read.taskName()).isEqualTo("backup");
        assertThat(read.hosts()).containsExactly("r2", "r1", "r4", "r3");
        assertThat(read.byHost()).isEqualTo(written.byHost());
        assertThat(read.summary()).isEqualTo(written.summary());
        assertThat(read.unreachableHosts()).containsExactly("r1");
        assertThat(read.startedAt()).isEqualTo(written.startedAt());
        assertThat(read.finishedAt()).isEqualTo(written.finishedAt());
        assertThat(read.subTask("save").byHost()).isEqualTo(written.subTask("save").byHost());
        assertThat(read.subTask("save").startedAt()).isEqualTo(START.plusMillis(5));
        assertThat(read.hookErrors()).isEqualTo(written.hookErrors());
        assertThat(read.toJson()).as("written again, it is the same document").isEqualTo(written.toJson());
    }

    @Test
    void fieldsItDoesNotKnowAreIgnored() {
        String json = sample().toJson().replace("\"format\":1", "\"format\":1,\"shard\":{\"index\":1}");

        assertThat(TaskResults.fromJson(json).hosts()).containsExactly("r2", "r1", "r4", "r3");
    }

    @Test
    void badJsonSaysLineAndColumn() {
        assertThatThrownBy(() -> TaskResults.fromJson("{\n  \"task\": ,\n}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("2:11: not valid JSON: ");
    }

    @Test
    void aWrongShapeSaysWhereAndWhatIsRight() {
        String json = sample().toJson();

        assertThatThrownBy(() -> TaskResults.fromJson(json.replace("\"status\":\"skipped\"", "\"status\":\"skiped\"")))
                .hasMessage("hosts.r3.status: \"skiped\" is not a host status; expected passed, failed or skipped");
        assertThatThrownBy(() -> TaskResults.fromJson(json.replace("\"kind\":\"CONNECTION\"", "\"kind\":\"CONN\"")))
                .hasMessageStartingWith("hosts.r4.failure.kind: \"CONN\" is not a failure kind; known: [CONNECTION,");
        assertThatThrownBy(() -> TaskResults.fromJson(json.replace(",\"format\":1", "")))
                .hasMessageStartingWith("format: missing");
        assertThatThrownBy(() -> TaskResults.fromJson(json.replace("\"format\":1", "\"format\":2")))
                .hasMessage("format: 2 is not known here; this version reads format 1");
        assertThatThrownBy(() -> TaskResults.fromJson("[1, 2]")).hasMessageStartingWith("not a task results document");
    }
}
