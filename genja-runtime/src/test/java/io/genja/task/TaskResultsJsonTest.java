package io.genja.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genja.inventory.ResolvedConnectionParams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskResultsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    record Facts(String version, int uptimeDays, String password) {
    }

    /** Jackson sees no properties here, so the JSON holds its toString(). */
    static final class Opaque {
        @Override
        public String toString() {
            return "opaque value";
        }
    }

    private static TaskResults sample() {
        Map<String, HostTaskResult> hosts = new LinkedHashMap<>();
        hosts.put("r2", HostTaskResult.passed(new TaskSuccess().withResult(new Facts("17.3", 12, "hunter2"))
                .withSummary("IOS XE 17.3").withChanged(true).withDiff("+ntp server 1.1.1.1")
                .withMetadata("password", "hunter2").withMetadata("lines", 312).withWarning("old image"))
                .withDuration(Duration.ofMillis(12)));
        hosts.put("r1", HostTaskResult.failed(new TaskFailure(FailureKind.AUTHENTICATION, "permission denied",
                "io.genja.connection.ConnectionException", false, null, true)));
        hosts.put("r3", HostTaskResult.skipped(new TaskSkip("parent failed", "\"backup\" failed on r3")));
        hosts.put("r4", HostTaskResult.passed(new TaskSuccess().withResult(new Opaque())));
        hosts.put("r5", HostTaskResult.passed(new TaskSuccess().withResult(new ResolvedConnectionParams("10.0.0.5",
                22, "admin", "s3cret", "ios", Map.of("key_file", "/k", "passphrase", "pp")))));
        Map<String, HostTaskResult> sub = new LinkedHashMap<>();
        sub.put("r2", HostTaskResult.passed(new TaskSuccess().withResult(List.of("a", "b"))));
        TaskResults save = new TaskResults("save", sub, Map.of(), START.plusMillis(5), START.plusMillis(9), List.of());
        return new TaskResults("backup", hosts, Map.of("save", save), START, START.plusMillis(20),
                List.of(new HookError("audit", "onHostStart", "backup", "r1", "java.lang.IllegalStateException",
                        "disk full")));
    }

    @Test
    void writesTheDocumentedShape() throws Exception {
        JsonNode root = JSON.readTree(sample().toJson());

        assertThat(root.get("format").asInt()).isEqualTo(1);
        assertThat(root.get("task").asText()).isEqualTo("backup");
        assertThat(root.get("started_at").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(root.get("finished_at").asText()).isEqualTo("2026-01-02T03:04:05.020Z");
        assertThat(root.get("duration_ms").asDouble()).isEqualTo(20.0);
        assertThat(root.get("summary").toString()).isEqualTo(
                "{\"total\":5,\"passed\":3,\"changed\":1,\"failed\":0,\"unreachable\":1,\"skipped\":1}");
        List<String> order = new ArrayList<>();
        root.get("hosts").fieldNames().forEachRemaining(order::add);
        assertThat(order).as("inventory order, as given").containsExactly("r2", "r1", "r3", "r4", "r5");

        JsonNode r2 = root.at("/hosts/r2");
        assertThat(r2.get("status").asText()).isEqualTo("passed");
        assertThat(r2.get("changed").asBoolean()).isTrue();
        assertThat(r2.get("summary").asText()).isEqualTo("IOS XE 17.3");
        assertThat(r2.get("duration_ms").asDouble()).isEqualTo(12.0);
        assertThat(r2.at("/result/version").asText()).isEqualTo("17.3");
        assertThat(r2.at("/result/uptimeDays").asInt()).isEqualTo(12);
        assertThat(r2.get("diff").asText()).isEqualTo("+ntp server 1.1.1.1");
        assertThat(r2.at("/metadata/lines").asInt()).isEqualTo(312);
        assertThat(r2.at("/warnings/0").asText()).isEqualTo("old image");

        JsonNode r1 = root.at("/hosts/r1");
        assertThat(r1.get("status").asText()).isEqualTo("failed");
        assertThat(r1.get("unreachable").asBoolean()).isTrue();
        assertThat(r1.at("/failure/kind").asText()).isEqualTo("AUTHENTICATION");
        assertThat(r1.at("/failure/message").asText()).isEqualTo("permission denied");
        assertThat(r1.at("/failure/exception_type").asText()).isEqualTo("io.genja.connection.ConnectionException");
        assertThat(r1.at("/failure/retryable").asBoolean()).isFalse();

        JsonNode r3 = root.at("/hosts/r3");
        assertThat(r3.get("status").asText()).isEqualTo("skipped");
        assertThat(r3.get("reason").asText()).isEqualTo("parent failed");

        assertThat(root.at("/hosts/r4/result").asText()).isEqualTo("opaque value");
        assertThat(root.at("/sub_tasks/0/task").asText()).isEqualTo("save");
        assertThat(root.at("/sub_tasks/0/hosts/r2/result/1").asText()).isEqualTo("b");
        assertThat(root.at("/sub_tasks/0/started_at").asText()).isEqualTo("2026-01-02T03:04:05.005Z");
        assertThat(root.at("/hook_errors/0/processor").asText()).isEqualTo("audit");
        assertThat(root.at("/hook_errors/0/host").asText()).isEqualTo("r1");
        assertThat(root.at("/hook_errors/0/message").asText()).isEqualTo("disk full");
    }

    @Test
    void neverWritesPasswords() throws Exception {
        String json = sample().toJson();
        String pretty = sample().toPrettyJson();

        assertThat(json).doesNotContain("hunter2", "s3cret", "\"pp\"");
        assertThat(pretty).doesNotContain("hunter2", "s3cret").contains("\n");
        JsonNode root = JSON.readTree(json);
        assertThat(root.at("/hosts/r2/result/password").asText()).isEqualTo("<redacted>");
        assertThat(root.at("/hosts/r2/metadata/password").asText()).isEqualTo("<redacted>");
        assertThat(root.at("/hosts/r5/result/password").asText()).isEqualTo("<redacted>");
        assertThat(root.at("/hosts/r5/result/extras/passphrase").asText()).isEqualTo("<redacted>");
        assertThat(root.at("/hosts/r5/result/username").asText()).isEqualTo("admin");
    }

    @Test
    void summaryKeepsUnreachableApartFromFailed() {
        Map<String, HostTaskResult> hosts = new LinkedHashMap<>();
        hosts.put("a", HostTaskResult.failed(TaskFailure.of(FailureKind.CONNECTION, "refused").withBeforeStart(true)));
        hosts.put("b", HostTaskResult.failed(TaskFailure.of(FailureKind.COMMAND, "% Invalid input")));
        hosts.put("c", HostTaskResult.failed(TaskFailure.of(FailureKind.TIMEOUT, "budget").withBeforeStart(true)));
        // The same kinds once task code ran are the task failing, not the host being unreachable.
        hosts.put("d", HostTaskResult.failed(TaskFailure.of(FailureKind.CONNECTION, "the host closed the shell")));
        TaskResults results = new TaskResults("t", hosts, Map.of(), START, START, List.of());

        assertThat(results.summary()).isEqualTo(new TaskResults.Summary(4, 0, 0, 2, 2, 0));
        assertThat(results.unreachableHosts()).containsExactly("a", "c");
        assertThat(results.failedHosts()).containsExactly("a", "b", "c", "d");
    }
}
