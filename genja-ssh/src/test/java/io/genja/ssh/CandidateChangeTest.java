package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.connection.ConfigKind;
import io.genja.connection.ConfigRejectedException;
import io.genja.connection.ConfigSession;
import io.genja.connection.ConnectionException;
import io.genja.connection.DeviceCli;
import io.genja.task.FailureKind;
import io.genja.testkit.Commit;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.ShellLevel;
import io.genja.testkit.SimulatedDevice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The device API against simulated IOS-XR, Junos, EOS and NX-OS devices whose configuration really changes
 * (issue 12, done-when items 3 and 4): rejected lines, commit confirmed with the device's own timer. Every assertion
 * about a change reads the device's own state.
 */
@Timeout(60)
class CandidateChangeTest {

    /** One device second lasts 20 ms: a one-minute commit-confirmed timer runs out after 1.2 s. */
    private static final Duration DEVICE_SECOND = Duration.ofMillis(20);

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> {
        DeviceFleet.Builder fleet = DeviceFleet.builder();
        for (String platform : List.of("cisco_iosxr", "juniper_junos", "arista_eos", "cisco_nxos")) {
            fleet.device(SimulatedDevice.builder(platform + "-reject").platform(platform)
                    .rejectConfigLines(".*10\\.9\\.9\\.9.*"));
            fleet.device(SimulatedDevice.builder(platform + "-drop").platform(platform).timerSecond(DEVICE_SECOND)
                    .dropOnCommit());
            fleet.device(SimulatedDevice.builder(platform + "-confirm").platform(platform)
                    .timerSecond(DEVICE_SECOND));
        }
        return fleet;
    });

    private static final SshConnectionPlugin PLUGIN = new SshConnectionPlugin();

    @AfterAll
    static void closePlugin() {
        PLUGIN.close();
    }

    private static SshConnection open(String name) throws ConnectionException {
        return FleetHosts.open(PLUGIN, DEVICES.fleet(), name, Map.of());
    }

    /** One configuration line naming {@code address} on the platform (a syslog host on IOS-XR, whose ntp is a section). */
    private static String ntp(String platform, String address) {
        return switch (platform) {
            case "juniper_junos" -> "set system ntp server " + address;
            case "cisco_iosxr" -> "logging " + address;
            default -> "ntp server " + address;
        };
    }

    @ParameterizedTest
    @CsvSource({"cisco_iosxr, CANDIDATE, nothing was applied", "juniper_junos, CANDIDATE, nothing was applied",
            "arista_eos, SESSION, nothing was applied", "cisco_nxos, CHECKPOINT, rolled back to checkpoint"})
    void aRejectedLineLeavesTheRunningConfigurationAsItWasAndConfigModeLeft(String platform, ConfigKind kind,
                                                                           String outcome) throws Exception {
        SimulatedDevice device = DEVICES.fleet().device(platform + "-reject");
        String before = device.runningConfig();
        SshConnection connection = open(platform + "-reject");
        try {
            DeviceCli cli = connection.cli().orElseThrow();
            ConfigSession change = cli.configure();
            assertThat(change.kind()).isEqualTo(kind);
            assertThatThrownBy(() -> change.apply(List.of(ntp(platform, "192.0.2.1"), ntp(platform, "10.9.9.9"),
                    ntp(platform, "192.0.2.3"))))
                    .isInstanceOfSatisfying(ConfigRejectedException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
                        assertThat(e.line()).isEqualTo(ntp(platform, "10.9.9.9"));
                        assertThat(e.deviceMessage()).isNotBlank();
                        assertThat(e.applied()).containsExactly(ntp(platform, "192.0.2.1"));
                        assertThat(e.getMessage()).contains(e.line(), e.deviceMessage(), outcome);
                    });
            // the device's own state: nothing of the change, no candidate left, the session out of config mode
            assertThat(device.runningConfig()).isEqualTo(before);
            assertThat(device.candidateConfig()).isEmpty();
            assertThat(device.commitHistory()).isEmpty();
            assertThat(device.shellLevels()).containsExactly(ShellLevel.PRIVILEGED);
            assertThat(connection.isAlive()).isTrue();
        } finally {
            connection.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"cisco_iosxr", "juniper_junos", "arista_eos"})
    void aSessionDroppedBeforeConfirmationIsRolledBackByTheDevicesTimer(String platform) throws Exception {
        SimulatedDevice device = DEVICES.fleet().device(platform + "-drop");
        String before = device.runningConfig();
        SshConnection connection = open(platform + "-drop");
        try {
            ConfigSession change = connection.cli().orElseThrow().configure();
            change.apply(List.of(ntp(platform, "192.0.2.44")));
            assertThatThrownBy(() -> change.commitConfirmed(Duration.ofMinutes(1)))
                    .isInstanceOfSatisfying(ConnectionException.class,
                            e -> assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION));
            // the commit took effect on the device before the drop ...
            assertThat(device.commitHistory()).extracting(Commit::status).containsAnyOf(
                    Commit.Status.AWAITING_CONFIRMATION, Commit.Status.ROLLED_BACK);
            // ... and nobody confirms it: the device's own timer (60 device seconds, 1.2 s) rolls it back
            assertThat(eventually(() -> device.commitHistory().get(0).status() == Commit.Status.ROLLED_BACK))
                    .isTrue();
            assertThat(device.runningConfig()).isEqualTo(before).doesNotContain("192.0.2.44");
        } finally {
            connection.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"cisco_iosxr", "juniper_junos", "arista_eos"})
    void aConfirmedCommitKeepsTheChange(String platform) throws Exception {
        SimulatedDevice device = DEVICES.fleet().device(platform + "-confirm");
        SshConnection connection = open(platform + "-confirm");
        try {
            try (ConfigSession change = connection.cli().orElseThrow().configure()) {
                change.apply(List.of(ntp(platform, "192.0.2.45")));
                assertThat(change.diff()).hasValueSatisfying(diff -> assertThat(diff).contains("192.0.2.45"));
                change.commitConfirmed(Duration.ofMinutes(1));
                assertThat(device.commitHistory()).extracting(Commit::status)
                        .containsExactly(Commit.Status.AWAITING_CONFIRMATION);
                change.confirm();
            }
            assertThat(device.commitHistory()).extracting(Commit::status).containsExactly(Commit.Status.CONFIRMED);
            assertThat(device.rollbacks()).isEmpty();
            assertThat(device.runningConfig()).contains("192.0.2.45");
            assertThat(device.shellLevels()).containsExactly(ShellLevel.PRIVILEGED);
        } finally {
            connection.close();
        }
    }

    /** Polls {@code condition} every 50 ms for up to 10 s. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
