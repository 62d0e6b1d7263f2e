package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.DevicePlatform;
import io.genja.testkit.Fault;
import io.genja.testkit.SimulatedDevice;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 200 simulated devices, half Cisco IOS in shell mode and half Linux in exec mode, plus one per fault mode. */
@Timeout(180)
class SimulatedFleetTest {

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .ciscoIos(100)
            .linux(100)
            .device(SimulatedDevice.builder("refuses-auth").fault(Fault.REFUSE_AUTH))
            .device(SimulatedDevice.builder("drops-mid-command").fault(Fault.DROP_MID_COMMAND))
            .device(SimulatedDevice.builder("never-says-hello").fault(Fault.NO_BANNER))
            .device(SimulatedDevice.builder("slow-output").platform(DevicePlatform.LINUX).fault(Fault.SLOW_OUTPUT)
                    .slowLineDelay(Duration.ofMillis(700)))
            .sshExtra("timeout", 2));

    @Test
    void showVersionOnEveryDeviceAndEachFaultFailsOnlyItsHost() throws Exception {
        DeviceFleet fleet = DEVICES.fleet();
        SshConnectionPlugin plugin = new SshConnectionPlugin();
        TaskResults results;
        try {
            // RunCommand is compiled by genja-processor; its generated adapter is found through the task catalog.
            try (Genja genja = Genja.builder(fleet.inventory())
                    .plugins(new PluginManager().register(plugin))
                    .build()) {
                results = genja.run(RunCommand.class, RunOptions.defaults().option("command", "show version"));
            }
            // Genja.close() must leave no session open on any device.
            assertThat(fleet.awaitNoOpenSessions(Duration.ofSeconds(20)))
                    .as("sessions left open: %s", fleet.devices().stream().filter(d -> d.openSessions() > 0).toList())
                    .isTrue();
        } finally {
            plugin.close();
        }

        for (SimulatedDevice device : fleet.devices()) {
            HostTaskResult result = results.hostResult(device.name());
            if (device.fault() != Fault.NONE) {
                continue;
            }
            assertThat(result.isPassed()).as("%s: %s", device.name(), result).isTrue();
            Object output = ((HostTaskResult.Passed) result).success().result();
            assertThat(output).as(device.name()).isEqualTo(device.showVersion());
        }
        assertThat(failure(results, "refuses-auth").kind()).as(failure(results, "refuses-auth").message()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(failure(results, "drops-mid-command").kind()).as(failure(results, "drops-mid-command").message()).isEqualTo(FailureKind.CONNECTION);
        // the shell saw the device hang up, and says so (not a vaguer "session is gone")
        assertThat(failure(results, "drops-mid-command").message()).contains("the host closed the");
        assertThat(failure(results, "never-says-hello").kind()).as(failure(results, "never-says-hello").message()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(failure(results, "never-says-hello").message()).contains("no SSH banner");
        assertThat(failure(results, "slow-output").kind()).as(failure(results, "slow-output").message()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(results.passedHosts()).hasSize(200);
    }

    @Test
    void pagesThroughMoreWhenPagingStaysOn() throws Exception {
        DeviceFleet fleet = DEVICES.fleet();
        java.nio.file.Path profile = fleet.directory().resolve("ios-paging.yaml");
        java.nio.file.Files.writeString(profile, """
                name: cisco_ios
                aliases: [ios]
                default_mode: shell
                prompt: '[\\w.\\-@/:]{1,63}[>#]\\s*$'
                paging_off: []
                more_pattern: '\\s*--More--\\s*$'
                error_patterns: ['^\\s*% Invalid input']
                """);
        SimulatedDevice device = fleet.device("ios-007");
        device.setRunningConfig(device.runningConfig() + "! changed by the test\n");
        try (SshConnectionPlugin plugin = new SshConnectionPlugin()) {
            SshConnection connection = (SshConnection) plugin.create(new io.genja.inventory.ConnectionKey("ios-007", "ssh"));
            Inventory inventory = fleet.inventory();
            var params = inventory.resolveConnection("ios-007", "ssh");
            java.util.Map<String, Object> extras = new java.util.LinkedHashMap<>(params.extras());
            extras.put("platform_profile", profile.toString());
            connection.open(new io.genja.inventory.ResolvedConnectionParams(params.hostname(), params.port(),
                    params.username(), params.password(), params.platform(), extras));
            String config = connection.executeCommand("show running-config");
            assertThat(config + "\n").isEqualTo(device.runningConfig());
            assertThat(config.lines().count()).isGreaterThan(250);
            assertThat(device.commands()).doesNotContain("terminal length 0");
            assertThatCommandFails(connection, "show bogus", "% Invalid input detected");
            assertThat(connection.executeCommand("show version")).isEqualTo(device.showVersion());
            connection.close();
        }
    }

    private static void assertThatCommandFails(SshConnection connection, String command, String message) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> connection.executeCommand(command))
                .isInstanceOfSatisfying(io.genja.connection.ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
                    assertThat(e.getMessage()).contains(message).contains(command);
                });
    }

    private static io.genja.task.TaskFailure failure(TaskResults results, String host) {
        HostTaskResult result = results.hostResult(host);
        assertThat(result.isFailed()).as("%s: %s", host, result).isTrue();
        return ((HostTaskResult.Failed) result).failure();
    }
}
