package io.genja.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.Genja;
import io.genja.GenjaException;
import io.genja.RunOptions;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.task.TaskSuccess;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.SimulatedDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * send_config, command and get_config against simulated IOS devices (a fresh fleet per test), asserting the
 * devices' own state, never only Genja's report of it.
 */
@Timeout(120)
class SendConfigIosTest {

    /** Two IOS devices; the second rejects one NTP server the way IOS rejects a bad line. */
    @RegisterExtension
    final DeviceFleetExtension devices = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .device(SimulatedDevice.builder("r1").platform("cisco_ios"))
            .device(SimulatedDevice.builder("r2").platform("cisco_ios").rejectConfigLines("ntp server 192\\.0\\.2\\.66")));

    @TempDir
    Path directory;

    private Genja genja() {
        return Genja.builder(devices.fleet().inventory(host -> host
                        .data("ntp_servers", List.of("192.0.2.1", "192.0.2.2"))
                        .data("uplink", java.util.Map.of("name", "GigabitEthernet0/1", "peer", "core-1"))))
                .build();
    }

    private Path ntpTemplate() throws Exception {
        Path template = directory.resolve("ntp.j2");
        Files.writeString(template, """
                {% for server in host.data.ntp_servers %}
                ntp server {{ server }}{{ " prefer" if loop.first else "" }}
                {% endfor %}
                {% if host.platform == "cisco_ios" %}
                interface {{ host.uplink.name }}
                 description uplink to {{ host.uplink.peer | upper }} ({{ host.name }})
                {% endif %}
                """);
        return template;
    }

    private static TaskSuccess success(TaskResults results, String host) {
        HostTaskResult result = results.hostResult(host);
        assertThat(result.isPassed()).as("%s", result).isTrue();
        return ((HostTaskResult.Passed) result).success();
    }

    @Test
    void aTemplateAppliesPerHostAndASecondRunHasNothingToChange() throws Exception {
        SimulatedDevice r1 = devices.fleet().device("r1");
        String before = r1.runningConfig();
        try (Genja genja = genja().filter(io.genja.inventory.Filter.name("r1"))) {
            RunOptions options = RunOptions.defaults().option("template", ntpTemplate().toString());
            TaskResults first = genja.run("send_config", options);

            TaskSuccess applied = success(first, "r1");
            assertThat(applied.changed()).isTrue();
            assertThat(applied.result()).isEqualTo(List.of("ntp server 192.0.2.1 prefer", "ntp server 192.0.2.2",
                    "interface GigabitEthernet0/1", " description uplink to CORE-1 (r1)"));
            assertThat(applied.diff()).contains("+ntp server 192.0.2.1 prefer", "+ntp server 192.0.2.2",
                    "+ description uplink to CORE-1 (r1)");
            assertThat(r1.runningConfig()).contains("\nntp server 192.0.2.1 prefer\n", "\nntp server 192.0.2.2\n",
                    "interface GigabitEthernet0/1\n description uplink to CORE-1 (r1)\n");
            assertThat(ConfigText.unifiedDiff(before, r1.runningConfig(), "a", "b").lines()
                    .filter(line -> (line.startsWith("+") || line.startsWith("-")) && !line.startsWith("+++")
                            && !line.startsWith("---")).toList())
                    .as("exactly the intended change").containsExactlyInAnyOrder("+ntp server 192.0.2.1 prefer",
                            "+ntp server 192.0.2.2", "+interface GigabitEthernet0/1",
                            "+ description uplink to CORE-1 (r1)");

            TaskSuccess again = success(genja.run("send_config", options), "r1");
            assertThat(again.changed()).isFalse();
            assertThat(again.summary()).isEqualTo("nothing to change");
            assertThat(again.diff()).isNull();
        }
    }

    @Test
    void aDryRunShowsTheLinesAgainstTheRunningConfigAndChangesNothing() throws Exception {
        SimulatedDevice r1 = devices.fleet().device("r1");
        String before = r1.runningConfig();
        try (Genja genja = genja().filter(io.genja.inventory.Filter.name("r1"))) {
            TaskResults results = genja.run("send_config", RunOptions.defaults().dryRun(true)
                    .option("lines", List.of("ip domain-name lab.example", "ntp server 192.0.2.9",
                            "no ip name-server 10.0.0.53", "no ntp server 192.0.2.200")));

            TaskSuccess preview = success(results, "r1");
            assertThat(preview.changed()).isTrue();
            assertThat(preview.diff()).isEqualTo("""
                    --- r1 running-config
                    +++ r1 running-config with the change (lines as sent)
                    +ntp server 192.0.2.9
                    -ip name-server 10.0.0.53""");
            assertThat(preview.summary()).isEqualTo("would change 2 lines (dry run)");
        }
        assertThat(r1.runningConfig()).isEqualTo(before);
        assertThat(r1.commands()).noneMatch(command -> command.startsWith("conf"));
    }

    @Test
    void aRejectedLineNamesTheLineAndTheLinesAppliedBeforeItAndTheNextTaskRuns() throws Exception {
        SimulatedDevice r2 = devices.fleet().device("r2");
        try (Genja genja = genja().filter(io.genja.inventory.Filter.name("r2"))) {
            TaskResults results = genja.run("send_config", RunOptions.defaults().option("lines",
                    List.of("ntp server 192.0.2.1", "ntp server 192.0.2.66", "ntp server 192.0.2.3")));

            HostTaskResult result = results.hostResult("r2");
            assertThat(result).isInstanceOfSatisfying(HostTaskResult.Failed.class, failed -> {
                assertThat(failed.failure().kind()).isEqualTo(FailureKind.COMMAND);
                assertThat(failed.failure().message()).contains("line \"ntp server 192.0.2.66\" was rejected: %")
                        .contains("applied before it: ntp server 192.0.2.1");
            });
            assertThat(r2.runningConfig()).contains("ntp server 192.0.2.1\n").doesNotContain("192.0.2.66")
                    .doesNotContain("192.0.2.3");

            TaskResults next = genja.run("command", RunOptions.defaults().option("command", "show clock"));
            assertThat(next.hostResult("r2").isPassed()).as("%s", next.hostResult("r2")).isTrue();
        }
    }

    @Test
    void commandRunsAdHocCommandsAndGetConfigReadsOrWritesConfigurations() throws Exception {
        SimulatedDevice r1 = devices.fleet().device("r1");
        r1.setRunningConfig(r1.runningConfig() + "ntp server 192.0.2.99\n");
        try (Genja genja = genja().filter(io.genja.inventory.Filter.name("r1"))) {
            TaskSuccess version = success(genja.run("command", RunOptions.defaults()
                    .option("command", "show version").option("timeout", "20s")), "r1");
            assertThat(version.result().toString()).isEqualTo(r1.showVersion());

            Path configs = directory.resolve("configs");
            TaskSuccess written = success(genja.run("get_config", RunOptions.defaults()
                    .option("directory", configs.toString())), "r1");
            assertThat(written.result()).isEqualTo(configs.resolve("r1.cfg").toString());
            assertThat(configs.resolve("r1.cfg")).content().contains("ntp server 192.0.2.99");

            TaskSuccess running = success(genja.run("get_config"), "r1");
            assertThat(running.result().toString()).contains("hostname r1", "ntp server 192.0.2.99");

            TaskSuccess wouldWrite = success(genja.run("get_config", RunOptions.defaults().dryRun(true)
                    .option("source", "startup").option("directory", configs.toString())), "r1");
            assertThat(wouldWrite.summary()).startsWith("would write ").endsWith(configs.resolve("r1.startup.cfg").toString());
            assertThat(configs.resolve("r1.startup.cfg")).doesNotExist();
        }
    }

    @Test
    void saveCopiesTheRunningConfigToStartupAndCommandAnswersQuestions() throws Exception {
        SimulatedDevice r1 = devices.fleet().device("r1");
        try (Genja genja = genja().filter(io.genja.inventory.Filter.name("r1"))) {
            TaskSuccess saved = success(genja.run("send_config", RunOptions.defaults()
                    .option("lines", "ntp server 192.0.2.7").option("save", "yes")), "r1");
            assertThat(saved.summary()).isEqualTo("applied, saved: 1 line");
            assertThat(r1.startupConfig()).contains("ntp server 192.0.2.7");

            r1.setRunningConfig(r1.runningConfig() + "ntp server 192.0.2.99\n");
            TaskSuccess copied = success(genja.run("command", RunOptions.defaults()
                    .option("command", "copy running-config startup-config")
                    .option("answers", "Destination filename \\[startup-config\\]\\?=")), "r1");
            assertThat(copied.result().toString()).contains("[OK]");
            assertThat(r1.startupConfig()).contains("ntp server 192.0.2.99");
        }
    }

    @Test
    void aDryRunOfAdHocCommandsIsRefusedBeforeAnyDeviceIsTouched() {
        try (Genja genja = genja()) {
            assertThatThrownBy(() -> genja.run("command", RunOptions.defaults().dryRun(true)
                    .option("command", "reload")))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageContaining("task \"command\" does not declare @GenjaTask(supportsDryRun = true)");
        }
        assertThat(devices.fleet().devices()).allSatisfy(device -> assertThat(device.commands()).isEmpty());
    }
}
