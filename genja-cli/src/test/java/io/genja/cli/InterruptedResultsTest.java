package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskFailure;
import io.genja.task.TaskResults;
import io.genja.task.TaskSuccess;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How {@code genja run} reports a run stopped by Ctrl-C (the signal itself is tested on a real process by the
 * examples' InterruptedRunIT): hosts whose first failure is {@code INTERRUPTED} are {@code interrupted}, neither
 * failed nor passed, and counted apart.
 */
class InterruptedResultsTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    private static final HostTaskResult PASSED = HostTaskResult.passed(new TaskSuccess().withChanged(true));
    private static final HostTaskResult NOT_STARTED = HostTaskResult.failed(TaskFailure.of(FailureKind.INTERRUPTED,
            "the run was interrupted before this task started on this host"));

    @Test
    void interruptedHostsAreCountedApartFromFailedOnes() {
        Map<String, HostTaskResult> root = new LinkedHashMap<>();
        root.put("r1", PASSED);
        root.put("r2", HostTaskResult.failed(TaskFailure.of(FailureKind.COMMAND, "% Invalid input")));
        root.put("r3", NOT_STARTED);
        root.put("r4", NOT_STARTED);
        TaskResults results = new TaskResults("backup_config", root, Map.of(),
                START, START.plus(Duration.ofMillis(1200)), List.of());

        assertThat(HostOutcome.of(results).stream().map(HostOutcome::status))
                .containsExactly("changed", "failed", "interrupted", "interrupted");
        assertThat(ResultTable.totals("backup_config", HostOutcome.of(results), Duration.ofMillis(1200)))
                .isEqualTo("backup_config: 4 hosts, 1 passed (1 changed), 1 failed (0 unreachable), 0 skipped,"
                        + " 2 interrupted in 1.2 s");
        assertThat(RunCommand.interruptedLine(results))
                .isEqualTo("genja: the run was interrupted (Ctrl-C): 2 of 4 hosts finished, 2 interrupted");
    }

    @Test
    void aHostWhoseSubTaskWasInterruptedIsInterruptedAndTheDetailNamesTheSubTask() {
        TaskResults save = new TaskResults("save", Map.of("r1", NOT_STARTED), Map.of(), START, START, List.of());
        TaskResults results = new TaskResults("nightly", Map.of("r1", PASSED), Map.of("save", save),
                START, START, List.of());

        HostOutcome outcome = HostOutcome.of(results, "r1");

        assertThat(outcome.status()).isEqualTo("interrupted");
        assertThat(outcome.detail())
                .isEqualTo("save: INTERRUPTED: the run was interrupted before this task started on this host");
    }

    @Test
    void withoutInterruptedHostsTheTotalsReadAsBefore() {
        TaskResults results = new TaskResults("backup_config", Map.of("r1", PASSED), Map.of(),
                START, START.plus(Duration.ofMillis(85)), List.of());

        assertThat(ResultTable.totals("backup_config", HostOutcome.of(results), Duration.ofMillis(85)))
                .isEqualTo("backup_config: 1 host, 1 passed (1 changed), 0 failed (0 unreachable), 0 skipped in 85 ms");
    }
}
