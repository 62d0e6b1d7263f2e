package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.Host;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskFailure;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProgress;
import io.genja.task.TaskResults;
import io.genja.task.TaskSuccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private static final TaskInfo TASK = new TaskInfo("backup", "ssh", 0, 0, false);
    private static final TaskInfo SUB_TASK = new TaskInfo("show_version", "ssh", 1, 1, false);

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final List<Host> hosts = Fixtures.inventory().hosts();

    @Test
    void plainLinesCountHostsAndFailuresOfTheTaskThatWasRun() {
        RunProgress progress = new RunProgress(out, false);
        runHooks(progress);

        assertThat(text().lines()).hasSize(3);
        assertThat(text().lines().toList().get(2)).matches("progress: 3/3 hosts, 1 failed, [\\d.]+ hosts/s, done");
        assertThat(text()).contains("progress: 2/3 hosts, 1 failed").doesNotContain("show_version");
    }

    @Test
    void onATerminalItDrawsABarWithTheFailedCount() {
        RunProgress progress = new RunProgress(out, true);
        runHooks(progress);

        assertThat(text()).contains("backup").contains("3/3").contains("1 failed").contains("\r");
        assertThat(text()).doesNotContain("progress:");
    }

    @Test
    void plainLinesShowEachHostsCopyAtEveryQuarterAndNothingForSmallFiles() {
        RunProgress progress = new RunProgress(out, false);
        progress.onTaskStart(TASK, hosts);
        long total = 8 * 1024 * 1024;
        for (long done = 0; done <= total; done += 512 * 1024) {
            progress.onHostProgress(TASK, hosts.get(0), new TaskProgress("upload ios.bin to flash:ios.bin", done, total,
                    TaskProgress.BYTES));
        }
        progress.onHostProgress(TASK, hosts.get(1), new TaskProgress("upload small.txt", 10, 10, TaskProgress.BYTES));

        String host = hosts.get(0).name();
        assertThat(text().lines()).containsExactly(
                host + ": upload ios.bin to flash:ios.bin 25% 2.0/8.0 MiB",
                host + ": upload ios.bin to flash:ios.bin 50% 4.0/8.0 MiB",
                host + ": upload ios.bin to flash:ios.bin 75% 6.0/8.0 MiB",
                host + ": upload ios.bin to flash:ios.bin 100% 8.0/8.0 MiB");
    }

    @Test
    void onATerminalTheBarShowsTheHostThatReportedLast() {
        RunProgress progress = new RunProgress(out, true);
        progress.onTaskStart(TASK, hosts);
        progress.onHostProgress(TASK, hosts.get(1), new TaskProgress("upload ios.bin", 3 * 1024 * 1024,
                4 * 1024 * 1024, TaskProgress.BYTES));
        progress.onHostFinish(TASK, hosts.get(0), HostTaskResult.passed(new TaskSuccess()));
        progress.finish();

        assertThat(text()).contains(hosts.get(1).name() + " 75% 3.0/4.0 MiB");
    }

    private void runHooks(RunProgress progress) {
        progress.onTaskStart(TASK, hosts);
        HostTaskResult passed = HostTaskResult.passed(new TaskSuccess());
        HostTaskResult failed = HostTaskResult.failed(TaskFailure.of(FailureKind.COMMAND, "% Invalid input"));
        progress.onSubTaskFinish(SUB_TASK, hosts.get(0), failed);
        assertThat(progress.onHostFinish(TASK, hosts.get(0), passed)).isSameAs(passed);
        progress.onHostFinish(TASK, hosts.get(1), failed);
        progress.onHostFinish(SUB_TASK, hosts.get(2), failed);
        progress.onHostFinish(TASK, hosts.get(2), passed);
        progress.onTaskFinish(TASK, new TaskResults("backup", Map.of(), Map.of(), Instant.EPOCH, Instant.EPOCH, List.of()));
    }

    private String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
