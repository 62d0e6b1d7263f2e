package io.genja.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.inventory.Filter;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.task.TaskSuccess;
import io.genja.testkit.Commit;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.Rollback;
import io.genja.testkit.SimulatedDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One templated send_config on one simulated device of each of the five platforms (a fresh fleet per test): the
 * devices' running configurations afterwards, dry runs that change nothing, commit confirmed kept or rolled back.
 */
@Timeout(180)
class FivePlatformsTest {

    /** One device-second lasts 5 ms: a commit confirmed of 1 minute rolls back after 300 ms. */
    private static final Duration DEVICE_SECOND = Duration.ofMillis(5);

    private static final Map<String, String> PLATFORMS = Map.of("ios1", "cisco_ios", "xr1", "cisco_iosxr",
            "junos1", "juniper_junos", "eos1", "arista_eos", "nxos1", "cisco_nxos");

    @RegisterExtension
    final DeviceFleetExtension devices = new DeviceFleetExtension(() -> {
        DeviceFleet.Builder fleet = DeviceFleet.builder();
        PLATFORMS.forEach((name, platform) -> fleet.device(SimulatedDevice.builder(name).platform(platform)
                .timerSecond(DEVICE_SECOND)));
        fleet.device(SimulatedDevice.builder("xr-drops").platform("cisco_iosxr").timerSecond(DEVICE_SECOND)
                .dropOnCommit());
        fleet.device(SimulatedDevice.builder("xr-rejects").platform("cisco_iosxr")
                .rejectConfigLines("server 192\\.0\\.2\\.66"));
        return fleet;
    });

    @TempDir
    Path directory;

    /** The same NTP servers for every host, written the way each platform takes them. */
    private Path ntpTemplate() throws Exception {
        return NtpTemplate.copyTo(directory);
    }

    private Genja genja(Filter filter) {
        return Genja.builder(devices.fleet().inventory(host -> host
                        .data("ntp_servers", List.of("192.0.2.2", "192.0.2.1", "192.0.2.2"))))
                .build().filter(filter);
    }

    private static Filter fivePlatforms() {
        return Filter.name("ios1|xr1|junos1|eos1|nxos1");
    }

    private static TaskSuccess success(TaskResults results, String host) {
        HostTaskResult result = results.hostResult(host);
        assertThat(result.isPassed()).as("%s: %s", host, result).isTrue();
        return ((HostTaskResult.Passed) result).success();
    }

    /** The lines a change added and removed on a device, stripped, from its running configuration. */
    private static List<String> changedLines(String before, String after) {
        return ConfigText.unifiedDiff(before, after, "before", "after").lines()
                .filter(line -> !line.startsWith("+++") && !line.startsWith("---"))
                .filter(line -> line.startsWith("+") || line.startsWith("-"))
                .map(line -> line.charAt(0) + line.substring(1).strip())
                .toList();
    }

    private Map<String, String> runningConfigs() {
        Map<String, String> configs = new LinkedHashMap<>();
        PLATFORMS.keySet().forEach(name -> configs.put(name, devices.fleet().device(name).runningConfig()));
        return configs;
    }

    @Test
    void aTemplatedChangeAppliesExactlyOnEachPlatformAndASecondRunHasNothingToChange() throws Exception {
        Map<String, String> before = runningConfigs();
        try (Genja genja = genja(fivePlatforms())) {
            RunOptions options = RunOptions.defaults().option("template", ntpTemplate().toString());
            TaskResults results = genja.run("send_config", options);

            for (String host : PLATFORMS.keySet()) {
                TaskSuccess success = success(results, host);
                assertThat(success.changed()).as(host).isTrue();
                assertThat(success.diff()).as(host).contains("192.0.2.1").contains("192.0.2.2");
            }
            Map<String, String> after = runningConfigs();
            List<String> oneLine = List.of("+ntp server 192.0.2.1", "+ntp server 192.0.2.2");
            assertThat(changedLines(before.get("ios1"), after.get("ios1"))).containsExactlyInAnyOrderElementsOf(oneLine);
            assertThat(changedLines(before.get("eos1"), after.get("eos1"))).containsExactlyInAnyOrderElementsOf(oneLine);
            assertThat(changedLines(before.get("nxos1"), after.get("nxos1"))).containsExactlyInAnyOrderElementsOf(oneLine);
            assertThat(changedLines(before.get("xr1"), after.get("xr1")))
                    .containsExactlyInAnyOrder("+server 192.0.2.1", "+server 192.0.2.2");
            assertThat(changedLines(before.get("junos1"), after.get("junos1")))
                    .containsExactlyInAnyOrder("+server 192.0.2.1;", "+server 192.0.2.2;");
            assertThat(success(results, "ios1").result()).isEqualTo(List.of("ntp server 192.0.2.1",
                    "ntp server 192.0.2.2"));

            TaskResults again = genja.run("send_config", options);
            for (String host : PLATFORMS.keySet()) {
                assertThat(success(again, host).changed()).as(host).isFalse();
            }
            assertThat(runningConfigs()).isEqualTo(after);
        }
    }

    @Test
    void aDryRunShowsEachHostsDiffAndLeavesEveryDeviceUnchanged() throws Exception {
        Map<String, String> before = runningConfigs();
        try (Genja genja = genja(fivePlatforms())) {
            TaskResults results = genja.run("send_config", RunOptions.defaults().dryRun(true)
                    .option("template", ntpTemplate().toString()));

            for (String host : PLATFORMS.keySet()) {
                TaskSuccess success = success(results, host);
                assertThat(success.changed()).as(host).isTrue();
                assertThat(success.diff()).as(host).contains("192.0.2.1").contains("192.0.2.2");
                assertThat(success.summary()).as(host).contains("dry run");
            }
        }
        assertThat(runningConfigs()).isEqualTo(before);
        for (String host : PLATFORMS.keySet()) {
            assertThat(devices.fleet().device(host).commitHistory()).as(host).isEmpty();
            assertThat(devices.fleet().device(host).candidateConfig()).as(host).isEmpty();
        }
    }

    @Test
    void aConfirmedCommitKeepsTheChangeAndOneThatCouldNotBeConfirmedRollsBackOnTheDevicesTimer() throws Exception {
        SimulatedDevice confirmed = devices.fleet().device("xr1");
        SimulatedDevice drops = devices.fleet().device("xr-drops");
        String dropsBefore = drops.runningConfig();
        try (Genja genja = genja(Filter.name("xr1|xr-drops"))) {
            TaskResults results = genja.run("send_config", RunOptions.defaults()
                    .option("lines", List.of("ntp", " server 192.0.2.5")).option("commit_confirmed", "1m"));

            assertThat(success(results, "xr1").summary()).startsWith("committed with commit confirmed 60 s, confirmed");
            assertThat(results.hostResult("xr-drops")).isInstanceOfSatisfying(HostTaskResult.Failed.class,
                    failed -> assertThat(failed.failure().message())
                            .contains("the device rolls it back when its timer of 60 s runs out"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (drops.rollbacks().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(drops.rollbacks()).extracting(Rollback::cause).containsExactly(Rollback.Cause.TIMER);
        assertThat(drops.runningConfig()).isEqualTo(dropsBefore);
        assertThat(confirmed.runningConfig()).contains(" server 192.0.2.5");
        assertThat(confirmed.commitHistory()).extracting(Commit::status).containsExactly(Commit.Status.CONFIRMED);
    }

    @Test
    void aRejectedLineOnACandidatePlatformAppliesNothing() {
        SimulatedDevice rejects = devices.fleet().device("xr-rejects");
        String before = rejects.runningConfig();
        try (Genja genja = genja(Filter.name("xr-rejects"))) {
            TaskResults results = genja.run("send_config", RunOptions.defaults()
                    .option("lines", List.of("ntp", " server 192.0.2.5", " server 192.0.2.66")));

            assertThat(results.hostResult("xr-rejects")).isInstanceOfSatisfying(HostTaskResult.Failed.class,
                    failed -> {
                        assertThat(failed.failure().kind()).isEqualTo(FailureKind.COMMAND);
                        assertThat(failed.failure().message()).contains("line \" server 192.0.2.66\" was rejected")
                                .contains("nothing was applied (the candidate was discarded)");
                    });
        }
        assertThat(rejects.runningConfig()).isEqualTo(before);
        assertThat(rejects.commitHistory()).isEmpty();
    }
}
