package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.connection.ConnectionException;
import io.genja.connection.CliCommand;
import io.genja.connection.CliMode;
import io.genja.connection.ConfigKind;
import io.genja.connection.DeviceCli;
import io.genja.task.FailureKind;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.DevicePlatform;
import io.genja.testkit.Fault;
import io.genja.testkit.SimulatedDevice;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SshConnection#cli()}: which hosts have a device CLI, and per-call options against simulated devices. */
@Timeout(60)
class DeviceCliTest {

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .ciscoIos(1)
            .linux(1)
            .device(SimulatedDevice.builder("junos1").platform("juniper_junos"))
            .device(SimulatedDevice.builder("slow-ios").platform(DevicePlatform.CISCO_IOS).fault(Fault.SLOW_OUTPUT)
                    .slowLineDelay(Duration.ofMillis(100))));

    private static final SshConnectionPlugin PLUGIN = new SshConnectionPlugin();

    @AfterAll
    static void closePlugin() {
        PLUGIN.close();
    }

    private static SshConnection open(String name, Map<String, Object> extras) throws ConnectionException {
        return FleetHosts.open(PLUGIN, DEVICES.fleet(), name, extras);
    }

    @Test
    void shellPlatformsAndPlatformsWithAConfigurationModelHaveACliExecLinuxHasNone() throws Exception {
        SshConnection ios = open(DEVICES.fleet().devices().get(0).name(), Map.of());
        try {
            DeviceCli cli = ios.cli().orElseThrow();
            assertThat(cli.platform()).isEqualTo("cisco_ios");
            assertThat(cli.mode()).isEqualTo(CliMode.PRIVILEGED);
            assertThat(cli.configKind()).isEqualTo(ConfigKind.RUNNING);
            assertThat(ios.cli()).containsSame(cli);
        } finally {
            ios.close();
        }
        SshConnection linux = open(DEVICES.fleet().devices().get(1).name(), Map.of());
        try {
            assertThat(linux.cli()).isEmpty();
        } finally {
            linux.close();
        }
        SshConnection junos = open("junos1", Map.of());
        try {
            DeviceCli cli = junos.cli().orElseThrow(); // exec mode: the CLI opens a shell on first use
            cli.send("show version");
            assertThat(DEVICES.fleet().device("junos1").commands()).contains("set cli screen-length 0", "show version");
            assertThat(cli.mode()).isEqualTo(CliMode.PRIVILEGED);
            assertThat(cli.configKind()).isEqualTo(ConfigKind.CANDIDATE);
        } finally {
            junos.close();
        }
    }

    @Test
    void aCommandWithItsOwnTimeoutOutlastsTheDefault() throws Exception {
        Map<String, Object> shortDefaults = Map.of("command_timeout", 1, "read_timeout", 1);
        SshConnection connection = open("slow-ios", shortDefaults);
        try {
            DeviceCli cli = connection.cli().orElseThrow();
            assertThatThrownBy(() -> cli.send("show version"))
                    .isInstanceOfSatisfying(ConnectionException.class,
                            e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
        } finally {
            connection.close();
        }
        connection = open("slow-ios", shortDefaults);
        try {
            // about 35 lines 100 ms apart: over 3 s, where the default allows 1 s
            String output = connection.cli().orElseThrow()
                    .send(CliCommand.of("show version").withTimeout(Duration.ofSeconds(30)));
            assertThat(output).startsWith("Cisco IOS Software").endsWith("Configuration register is 0xF");
        } finally {
            connection.close();
        }
    }
}
