package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job against 50 simulated devices, twice, as the README promises. */
class ExamplesAppTest {

    @TempDir
    Path directory;

    @Test
    void backsUpTheFleetThenReportsOnlyWhatChanged() throws IOException {
        Path backups = directory.resolve("backups");

        Outcome first = run("run", "backup_config", "-o", "directory=" + backups);

        assertThat(first.status()).as(first.toString()).isEqualTo(1);
        assertThat(first.out()).contains(
                "backup_config: 50 hosts, 48 passed (48 changed), 2 failed (1 unreachable), 0 skipped");
        assertThat(first.out()).containsPattern("(?m)^ios-031\\s+unreachable\\s+.+AUTHENTICATION: .*authentication failed");
        assertThat(first.out()).containsPattern("(?m)^ios-032\\s+failed\\s+.+CONNECTION: ");
        List<Path> files = backupFiles(backups);
        assertThat(files).hasSize(48);
        assertThat(backups.resolve("ios-001.cfg")).content().contains("hostname ios-001");
        assertThat(backups.resolve("linux-001.cfg")).exists();
        assertThat(directory.resolve("genja.log")).as("the audit processor's trail").content()
                .contains("genja.audit - backup_config ios-001: changed - new backup")
                .contains("genja.audit - backup_config ios-031: failed - AUTHENTICATION");

        Outcome second = run("--change", "ios-007", "-o", "directory=" + backups);  // the main job

        assertThat(second.status()).as(second.toString()).isEqualTo(1);
        assertThat(second.out()).contains("50 hosts, 48 passed (1 changed), 2 failed (1 unreachable)");
        assertThat(second.out()).containsPattern("(?m)^ios-007\\s+changed\\s+.+changed: \\+1 -0 lines$");
        assertThat(second.out()).containsPattern("(?m)^ios-001\\s+ok\\s+.+unchanged, \\d+ lines$");
        assertThat(backups.resolve("ios-007.cfg")).content().contains(ExamplesApp.CHANGED_LINE);
        assertThat(backupFiles(backups)).hasSize(48);
        assertThat(second.out()).contains("Backups are in " + backups.toAbsolutePath() + ";");
    }

    @Test
    void aDryRunOfTheMainJobSaysNothingWasWrittenAndWhere() {
        Path backups = directory.resolve("dry");

        Outcome outcome = run("--dry-run", "-o", "directory=" + backups);

        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.out()).containsPattern("(?m)^ios-001\\s+changed\\s+.+would be new backup")
                .endsWith("Dry run: nothing was written to " + backups.toAbsolutePath() + ".\n");
        assertThat(backups).doesNotExist();
    }

    @Test
    void otherArgumentsAreGenjaCommandsAgainstTheFleet() {
        Outcome tasks = run("tasks");

        assertThat(tasks.status()).as(tasks.toString()).isZero();
        assertThat(tasks.out()).contains("backup_config").contains("compliance").contains("nightly")
                .contains("show_version");
    }

    @Test
    void withInventoryJsonTheFleetAnnouncesItselfOnStderrSoThatStdoutParses() throws IOException {
        Outcome inventory = run("inventory", "--json");

        assertThat(inventory.status()).as(inventory.toString()).isZero();
        assertThat(inventory.err()).startsWith("Started 50 simulated devices on 127.0.0.1");
        assertThat(new ObjectMapper().readTree(inventory.out())).hasSize(50);

        Outcome table = run("inventory");

        assertThat(table.out()).startsWith("Started 50 simulated devices on 127.0.0.1");
        assertThat(table.err()).isEmpty();
    }

    @Test
    void changeWithoutADeviceIsOneLineOfUsageError() {
        Outcome outcome = run("--change");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("genja-examples: error: --change needs the name of a simulated device,"
                + " e.g. --change ios-007\n");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void changeOfADeviceTheFleetDoesNotHaveIsOneLineNotAStackTrace() {
        Outcome outcome = run("--change", "ios-099");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("genja-examples: error: --change ios-099: the simulated fleet has no"
                + " device \"ios-099\"; its devices are ios-001 to ios-032 and linux-001 to linux-018\n");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void aMistypedCommandIsReportedAsOneWithASuggestion() {
        Outcome outcome = run("invntory");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("genja: error: unknown command \"invntory\"")
                .contains("Did you mean \"inventory\"?");
        assertThat(outcome.out()).isEmpty();
    }

    private static List<Path> backupFiles(Path backups) throws IOException {
        try (Stream<Path> files = Files.list(backups)) {
            return files.filter(f -> f.toString().endsWith(".cfg")).toList();
        }
    }

    private Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ExamplesApp.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("GENJA_LOGGING_LOG_FILE", directory.resolve("genja.log").toString()));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Outcome(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}
