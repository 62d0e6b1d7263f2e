package com.acme.genja;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.cli.GenjaCli;
import io.genja.plugin.PluginManager;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four extensions of this module (src/main: a connection plugin, a runner, an inventory plugin, a platform
 * profile) are found by name from a jar on the class path, as a user's would be, and a misspelt name of each is
 * reported with a suggestion.
 */
@Timeout(120)
class ExtensionsTest {

    private static final String HOSTS_CSV = "# name,hostname,platform\nlab1,10.9.0.1,\nlab2,10.9.0.2,linux\n";

    @Test
    void eachExtensionIsFoundByNameFromTheSettings(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("hosts.csv"), HOSTS_CSV);
        Path config = Files.writeString(directory.resolve("config.yaml"), """
                inventory:
                  plugin: CsvInventory
                  options:
                    file: hosts.csv
                    default_platform: linux
                runner:
                  plugin: one_at_a_time
                lab:
                  banner: ACME-LAB
                  max_sessions: 4
                """);

        TaskResults results;
        try (Genja genja = Genja.fromSettings(config)) {
            assertThat(genja.inventory().host("lab1").orElseThrow().platform()).isEqualTo("linux");
            results = genja.run("show_clock");
        }

        assertThat(results.hosts()).containsExactly("lab1", "lab2");
        for (String host : results.hosts()) {
            HostTaskResult.Passed passed = (HostTaskResult.Passed) results.hostResult(host);
            String hostname = host.equals("lab1") ? "10.9.0.1" : "10.9.0.2";
            assertThat(passed.success().result()).isEqualTo("ACME-LAB " + hostname + ": show clock");
            assertThat(passed.success().metadata()).containsEntry("thread", OneAtATimeRunner.THREAD);
        }
        Cli check = Cli.run(directory, "-c", config.toString(), "check");
        assertThat(check.status).as(check.toString()).isZero();
    }

    @Test
    void aMisspeltSectionOrSettingsKeyOfTheConnectionPluginIsReportedWithASuggestion(@TempDir Path directory)
            throws Exception {
        Files.writeString(directory.resolve("hosts.csv"), HOSTS_CSV);
        String inventory = "inventory:\n  plugin: CsvInventory\n  options:\n    file: hosts.csv\n";

        Cli section = check(directory, inventory + "labb:\n  banner: x\n");
        assertThat(section.status).as(section.toString()).isEqualTo(2);
        assertThat(section.all()).contains("config.yaml:5").contains("did you mean \"lab\"");

        Cli key = check(directory, inventory + "lab:\n  baner: x\n");
        assertThat(key.status).as(key.toString()).isEqualTo(2);
        assertThat(key.all()).contains("config.yaml:6").contains("did you mean \"banner\"");

        Cli value = check(directory, inventory + "lab:\n  max_sessions: 100\n");
        assertThat(value.status).as(value.toString()).isEqualTo(2);
        assertThat(value.all()).contains("config.yaml:6").contains("max_sessions");
    }

    @Test
    void aMisspeltInventoryPluginOrOptionIsReportedWithASuggestion(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("hosts.csv"), HOSTS_CSV);

        Cli plugin = check(directory, "inventory:\n  plugin: CsvInventry\n  options:\n    file: hosts.csv\n");
        assertThat(plugin.status).as(plugin.toString()).isEqualTo(2);
        assertThat(plugin.all()).contains("did you mean \"CsvInventory\"");

        Cli option = check(directory, "inventory:\n  plugin: CsvInventory\n  options:\n    fiel: hosts.csv\n");
        assertThat(option.status).as(option.toString()).isEqualTo(2);
        assertThat(option.all()).contains("config.yaml:4").contains("did you mean \"file\"");
    }

    @Test
    void aMisspeltRunnerIsReportedWithASuggestion(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("hosts.csv"), HOSTS_CSV);

        Cli runner = check(directory, "inventory:\n  plugin: CsvInventory\n  options:\n    file: hosts.csv\n"
                + "runner:\n  plugin: one_at_a_tme\n");

        assertThat(runner.status).as(runner.toString()).isEqualTo(2);
        assertThat(runner.all()).contains("did you mean \"one_at_a_time\"");
    }

    @Test
    void thePlatformProfileDrivesTheSshPluginAndTheSimulatedDevice() throws Exception {
        try (DeviceFleet fleet = DeviceFleet.builder().platform("anos", 2).sshExtra("timeout", 10).start();
                Genja genja = Genja.builder(fleet.inventory()).plugins(PluginManager.discover()).build()) {
            TaskResults versions = genja.run("acme_command");
            TaskResults unknown = genja.run("acme_command", RunOptions.defaults().option("command", "frobnicate"));

            for (SimulatedDevice device : fleet.devices()) {
                assertThat(device.platformName()).isEqualTo("acme_nos");
                assertThat(((HostTaskResult.Passed) versions.hostResult(device.name())).success().result())
                        .isEqualTo(device.showVersion().stripTrailing());
                // the paging-off command came from the profile, and the simulated device understood it
                assertThat(device.commands()).startsWith("set cli pager off");
                HostTaskResult.Failed failed = (HostTaskResult.Failed) unknown.hostResult(device.name());
                assertThat(failed.failure().kind()).isEqualTo(FailureKind.COMMAND);
                assertThat(failed.failure().message()).contains("ERR: no such command \"frobnicate\"");
            }
            genja.close();
            fleet.assertNoOpenSessions(Duration.ofSeconds(10));
        }
    }

    @Test
    void aMisspeltPlatformIsReportedWithASuggestion(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("hosts.csv"), "r1,10.9.0.1,acme_nso\n");

        Cli platform = check(directory, "inventory:\n  plugin: CsvInventory\n  options:\n    file: hosts.csv\n");

        assertThat(platform.status).as(platform.toString()).isEqualTo(2);
        assertThat(platform.all()).contains("acme_nso").contains("did you mean \"acme_nos\"");
    }

    private static Cli check(Path directory, String config) throws Exception {
        Path file = Files.writeString(directory.resolve("config.yaml"), config);
        return Cli.run(directory, "-c", file.toString(), "check");
    }

    /** The {@code genja} command, run in-process with the plugins of the class path, as users run it. */
    private record Cli(int status, String out, String err) {

        static Cli run(Path directory, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = GenjaCli.builder()
                    .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                    .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                    .env(Map.of())
                    .workingDirectory(directory)
                    .build()
                    .execute(args);
            return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        String all() {
            return out + err;
        }
    }
}
