package io.genja.textfsm.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.inventory.Filter;
import io.genja.settings.Settings;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.SimulatedDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code context.parse(command)} in a task run against simulated devices: the command runs over ssh, the template
 * comes from the index of {@code parsing.templates_dir} by the host's platform, the task gets a list of maps.
 */
@Timeout(120)
class ContextParseTest {

    @RegisterExtension
    final DeviceFleetExtension devices = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .device(SimulatedDevice.builder("ios1").platform("cisco_ios"))
            .device(SimulatedDevice.builder("eos1").platform("arista_eos")));

    @TempDir
    Path templates;

    private void writeTemplates() throws Exception {
        Files.writeString(templates.resolve("index"), """
                # written for this test
                Template, Hostname, Platform, Command

                cisco_ios_show_version.textfsm, .*, cisco_ios, sh[[ow]] ver[[sion]]
                testkit_show_version.textfsm, .*, arista_eos, sh[[ow]] ver[[sion]]
                cisco_ios_show_clock.textfsm, .*, cisco_ios, sh[[ow]] clo[[ck]]
                """);
        Files.writeString(templates.resolve("testkit_show_version.textfsm"), """
                Value HOSTNAME (\\S+)
                Value SERIAL (\\S+)

                Start
                  ^Hostname: ${HOSTNAME}
                  ^Serial: ${SERIAL} -> Record
                """);
        Files.writeString(templates.resolve("cisco_ios_show_version.textfsm"), """
                Value VERSION ([^ ,]+)
                Value HOSTNAME (\\S+)
                Value SERIAL (\\S+)

                Start
                  ^Cisco IOS Software.*Version ${VERSION},
                  ^${HOSTNAME} uptime is
                  ^Processor board ID ${SERIAL} -> Record
                """);
        Files.writeString(templates.resolve("cisco_ios_show_clock.textfsm"), """
                Value TIME (\\d+:\\d+:\\d+)
                Value TIMEZONE (\\S+)
                Value YEAR (\\d+)

                Start
                  ^\\*?${TIME}\\S* ${TIMEZONE} \\w+ \\w+ \\d+ ${YEAR} -> Record
                """);
    }

    private TaskResults run(Settings settings, String command) {
        return run(settings, Filter.name(".*"), command);
    }

    private TaskResults run(Settings settings, Filter hosts, String command) {
        try (Genja genja = Genja.builder(devices.fleet().inventory()).settings(settings).build()) {
            return genja.filter(hosts).run("parse_command", RunOptions.defaults().option("command", command));
        }
    }

    @Test
    void aTaskGetsTheRecordsOfTheTemplateItsPlatformAndCommandSelect() throws Exception {
        writeTemplates();
        TaskResults results = run(Settings.defaults().withParsingTemplatesDir(templates), "show version");

        for (String host : List.of("ios1", "eos1")) {
            HostTaskResult result = results.hostResult(host);
            assertThat(result.isPassed()).as("%s: %s", host, result).isTrue();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> records = (List<Map<String, Object>>) ((HostTaskResult.Passed) result).success()
                    .result();
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record).containsEntry("HOSTNAME", host).containsKey("SERIAL");
                assertThat(record.keySet()).containsExactlyElementsOf(host.equals("ios1")
                        ? List.of("VERSION", "HOSTNAME", "SERIAL") : List.of("HOSTNAME", "SERIAL"));
            });
            if (host.equals("ios1")) {
                assertThat(records.get(0)).containsEntry("VERSION", "15.2(7)E8");
            }
        }
    }

    @Test
    void theIndexMatchesTheStartOfTheCommandAgainstItsAbbreviations() throws Exception {
        writeTemplates();
        TaskResults results = run(Settings.defaults().withParsingTemplatesDir(templates), Filter.name("ios1"),
                "show clock");

        HostTaskResult ios = results.hostResult("ios1");
        assertThat(ios.isPassed()).as("%s", ios).isTrue();
        assertThat(((HostTaskResult.Passed) ios).success().result())
                .isEqualTo(List.of(Map.of("TIME", "12:00:00", "TIMEZONE", "UTC", "YEAR", "2024")));
    }

    @Test
    void aPlatformWithoutATemplateFailsAsUnsupportedNamingTheIndex() throws Exception {
        writeTemplates();
        Files.writeString(templates.resolve("index"), """
                Template, Hostname, Platform, Command
                cisco_ios_show_version.textfsm, .*, cisco_ios, sh[[ow]] ver[[sion]]
                """);
        TaskResults results = run(Settings.defaults().withParsingTemplatesDir(templates), Filter.name(".*"),
                "show version");

        assertThat(results.hostResult("ios1").isPassed()).isTrue();
        HostTaskResult eos = results.hostResult("eos1");
        assertThat(eos.isFailed()).isTrue();
        assertThat(((HostTaskResult.Failed) eos).failure().kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(((HostTaskResult.Failed) eos).failure().message())
                .contains("no TextFSM template for \"show version\" on platform arista_eos", "index");
    }

    @Test
    void withoutATemplatesDirectoryTheFailureSaysWhichSettingToSet() {
        TaskResults results = run(Settings.defaults(), "show version");

        HostTaskResult ios = results.hostResult("ios1");
        assertThat(ios.isFailed()).isTrue();
        assertThat(((HostTaskResult.Failed) ios).failure().kind()).isEqualTo(FailureKind.VALIDATION);
        assertThat(((HostTaskResult.Failed) ios).failure().message()).contains("parsing.templates_dir");
    }

    @Test
    void theSettingsFileNamesTheDirectoryRelativeToItself(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("ntc"));
        Path config = Files.writeString(project.resolve("config.yaml"), "parsing:\n  templates_dir: ntc\n");

        assertThat(Settings.load(config, Map.of()).parsingTemplatesDir()).contains(project.resolve("ntc"));
        assertThat(Settings.load(Files.writeString(project.resolve("empty.yaml"), "{}\n"),
                Map.of("GENJA_PARSING_TEMPLATES_DIR", "/opt/ntc")).parsingTemplatesDir()).contains(Path.of("/opt/ntc"));
    }
}
