package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.task.TaskCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenjaCommandTest {

    @Test
    void withoutASubcommandItPrintsUsageAndExitsTwo() {
        CliRun run = CliRun.execute(Fixtures.cli());

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("Usage: genja").contains("run").contains("check");
    }

    @Test
    void anUnknownSubcommandIsAShortUsageError() {
        CliRun run = CliRun.execute(Fixtures.cli(), "rnu", "greet");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo("genja: error: unknown command \"rnu\"; commands: tasks, inventory, run, "
                + "check, results, help. Did you mean \"run\"?\nTry 'genja --help' for more information.\n");
    }

    @Test
    void everySubcommandHasHelpAsItsUsageErrorsPromise() {
        for (String command : List.of("tasks", "inventory", "run", "check", "results", "results merge")) {
            CliRun run = CliRun.execute(Fixtures.cli(), (command + " --help").split(" "));

            assertThat(run.status()).as(run.toString()).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: genja " + command).contains("-h, --help");
            assertThat(run.err()).as(command).isEmpty();
        }
        CliRun run = CliRun.execute(Fixtures.cli(), "run", "-h");
        assertThat(run.out()).contains("--dry-run").contains("--workers=N").contains("TASK");
    }

    @Test
    void helpAsACommandShowsTheUsageOfGenjaOrOfOneCommand() {
        CliRun all = CliRun.execute(Fixtures.cli(), "help");
        CliRun run = CliRun.execute(Fixtures.cli(), "help", "run");

        assertThat(all.status()).isZero();
        assertThat(all.out()).startsWith("Usage: genja").contains("check");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: genja run").contains("--dry-run");
    }

    @Test
    void printsTheVersion() {
        CliRun run = CliRun.execute(Fixtures.cli(), "--version");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("genja 0.");
    }

    @Test
    void aBugIsAnInternalErrorWithoutAStackTraceUnlessDebugging() {
        TaskCatalog broken = TaskCatalog.of(List.of(FakeTask.of("boom", (host, context) -> null).thatCannotBeInstantiated()));
        CliRun quiet = CliRun.execute(Fixtures.cli().catalog(broken), "run", "boom");
        CliRun debug = CliRun.execute(Fixtures.cli().catalog(broken), "run", "boom", "--debug");

        assertThat(quiet.status()).isEqualTo(ExitStatus.INTERNAL_ERROR);
        assertThat(quiet.err()).startsWith("genja: internal error: ").contains("(rerun with --debug for details)");
        assertThat(quiet.err().lines()).hasSize(1);
        assertThat(debug.err()).contains("\tat io.genja.");
    }
}
