package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskSuccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @Test
    void allHostsPassedExitsZeroWithATableAndTotals() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "greet");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).containsPattern("(?m)^HOST\\s+STATUS\\s+TIME\\s+DETAIL$");
        assertThat(run.out()).containsPattern("(?m)^r1\\s+ok\\s+\\d+ ms\\s+hello r1$");
        assertThat(run.out()).contains("greet: 3 hosts, 3 passed (0 changed), 0 failed (0 unreachable), 0 skipped");
    }

    @Test
    void oneSelectedHostIsOneHost() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "greet", "--filter", "r1");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).contains("greet: 1 host, 1 passed (0 changed), 0 failed (0 unreachable), 0 skipped");
    }

    @Test
    void aFailedHostExitsOneAndShowsKindAndMessage() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "flaky");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.HOSTS_FAILED);
        assertThat(run.out()).containsPattern("(?m)^r2\\s+failed\\s+\\d+ ms\\s+COMMAND: % Invalid input detected");
        assertThat(run.out()).contains("3 hosts, 2 passed (0 changed), 1 failed (0 unreachable)");
    }

    @Test
    void anUnreachableHostIsCountedApartAndChangedHostsAreShown() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "backup");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.HOSTS_FAILED);
        assertThat(run.out()).containsPattern("(?m)^r2\\s+unreachable\\s+.*CONNECTION: connection refused by 10.0.0.2:22");
        assertThat(run.out()).containsPattern("(?m)^s1\\s+changed\\s+.*show running-config on s1$");
        assertThat(run.out()).contains("3 hosts, 2 passed (1 changed), 1 failed (1 unreachable), 0 skipped");
    }

    @Test
    void aFailedSubTaskFailsItsHostAndIsNamed() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "parent");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.HOSTS_FAILED);
        assertThat(run.out()).containsPattern("(?m)^r2\\s+failed\\s+.*flaky: COMMAND: % Invalid input");
        assertThat(run.out()).containsPattern("(?m)^r1\\s+ok\\s+.*parent$");
    }

    @Test
    void anUnknownTaskExitsTwoListingTheKnownTasks() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "no_such_task");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo("genja: error: no task \"no_such_task\"; known tasks: backup, configure, "
                + "flaky, greet, parent.\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMistypedTaskGetsASuggestion() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "gret");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("Did you mean \"greet\"?");
    }

    @Test
    void taskOptionsReachTheTask() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "configure", "-o", "template=ntp.j2", "-o", "commit=true");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).containsPattern("(?m)^r1\\s+ok\\s+\\d+ ms\\s+ntp.j2$");
    }

    @Test
    void anUnknownOptionIsRefusedBeforeAnyHostIsTouched() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "configure", "-o", "templte=ntp.j2");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo("genja: error: task \"configure\" has no option \"templte\"; its options: "
                + "template, commit. Did you mean \"template\"?\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMistypedRunnerIsRefusedBeforeAnyHostIsTouchedListingTheRegisteredOnes() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "greet", "--runner", "threadd");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo("genja: error: no runner \"threadd\"; known runners: async, serial, threaded."
                + " Did you mean \"threaded\"?\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theHelpListsTheRegisteredRunnersAndEachRuns() {
        CliRun help = CliRun.execute(Fixtures.cli(), "run", "--help");
        assertThat(help.out()).contains("async, serial, threaded (default: runner.plugin)");

        for (String runner : List.of("async", "serial", "threaded")) {
            CliRun run = CliRun.execute(Fixtures.cli(), "run", "greet", "--runner", runner);
            assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.OK);
        }
    }

    @Test
    void aMissingRequiredOptionIsOneLine() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "configure");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).startsWith("genja: error: task \"configure\": missing required option \"template\"");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void aBadTimeoutIsAUsageError() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "greet", "--timeout", "soon");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).startsWith("genja: error: Invalid value for option '--timeout'");
        assertThat(run.err()).contains("Try 'genja run --help' for more information.");
    }

    @Test
    void withoutAConfigurationItSaysHowToGiveOne() {
        CliRun run = CliRun.execute(GenjaCli.builder().catalog(Fixtures.catalog()).plugins(Fixtures.plugins())
                .env(Map.of()).terminal(false).workingDirectory(java.nio.file.Path.of("target")), "run", "greet");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).startsWith("genja: error: no configuration: give -c config.yaml or set GENJA_CONFIG");
    }

    @Test
    void progressIsPrintedAsPlainLinesWhenNotOnATerminal() {
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "flaky");

        assertThat(run.out()).containsPattern("(?m)^progress: 3/3 hosts, 1 failed, [\\d.]+ hosts/s, done$");
        assertThat(run.out().indexOf("progress: 3/3")).isLessThan(run.out().indexOf("HOST "));
    }

    @Test
    void writesTheResultsAsJson(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("results.json");

        CliRun run = CliRun.execute(Fixtures.cli(), "run", "parent", "--json", file.toString());

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.HOSTS_FAILED);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.toString()).contains("\"parent\"").contains("\"flaky\"").contains("r2");
        assertThat(Files.readString(file)).doesNotContain(Fixtures.SECRET);
    }

    @Test
    void dryRunReachesTheTasks() {
        FakeTask probe = FakeTask.of("probe", (host, context) -> HostTaskResult.passed(new TaskSuccess()
                .withSummary("dry run " + context.task().dryRun()))).declaringDryRun();
        CliRun run = CliRun.execute(Fixtures.cli().catalog(TaskCatalog.of(List.of(probe))), "run", "probe",
                "--dry-run");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^r1\\s+ok\\s+.*dry run true$");
    }

    @Test
    void dryRunRefusesATaskThatDoesNotDeclareItBeforeAnyHostIsTouched() {
        java.util.concurrent.atomic.AtomicInteger touched = new java.util.concurrent.atomic.AtomicInteger();
        CliRun run = CliRun.execute(Fixtures.cli().catalog(TaskCatalog.of(List.of(FakeTask.of("reload",
                (host, context) -> {
                    touched.incrementAndGet();
                    return HostTaskResult.passed(new TaskSuccess());
                })))), "run", "reload", "--dry-run");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("dry run refused for task \"reload\"")
                .contains("supportsDryRun = true").contains("no host was touched");
        assertThat(touched).hasValue(0);
    }

    @Test
    void aTaskOverItsTimeBudgetIsATimeoutFailureAndTheOthersFinish() {
        CountDownLatch never = new CountDownLatch(1);
        TaskCatalog catalog = TaskCatalog.of(List.of(FakeTask.of("hang", (host, context) -> {
            if (host.name().equals("r2")) {
                never.await();
            }
            return HostTaskResult.passed(new TaskSuccess().withSummary("quick"));
        })));

        CliRun run;
        try {
            run = CliRun.execute(Fixtures.cli().catalog(catalog), "run", "hang", "--timeout", "500ms");
        } finally {
            never.countDown();
        }

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.HOSTS_FAILED);
        assertThat(run.out()).containsPattern("(?m)^r2\\s+failed\\s+.*TIMEOUT: ");
        assertThat(run.out()).containsPattern("(?m)^r1\\s+ok\\s+.*quick$");
    }
}
