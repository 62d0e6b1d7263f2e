package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.Genja;
import io.genja.connection.CliCommand;
import io.genja.connection.CliMode;
import io.genja.connection.ConfigRejectedException;
import io.genja.connection.ConfigSession;
import io.genja.connection.ConnectionException;
import io.genja.connection.DeviceCli;
import io.genja.inventory.Filter;
import io.genja.inventory.Inventory;
import io.genja.inventory.SecretResolver;
import io.genja.plugin.PluginManager;
import io.genja.task.FailureKind;
import io.genja.task.TaskResults;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.ShellLevel;
import io.genja.testkit.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device API against simulated IOS devices whose configuration really changes (issue 12, done-when items 3,
 * 5 and 6 for IOS). Every assertion about a change reads the device's own state.
 */
@Timeout(60)
class IosChangeTest {

    private static final String ENABLE_SECRET = "En4ble-Xq7-secret";

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .device(SimulatedDevice.builder("r-reject").rejectConfigLines("ntp server 10\\.9\\..*"))
            .device(SimulatedDevice.builder("r-save"))
            .device(SimulatedDevice.builder("r-long").commandDelay("show tech-support", Duration.ofSeconds(3)))
            .device(SimulatedDevice.builder("r-enable").enableSecret(ENABLE_SECRET))
            .sshExtra("secret", "${env:GENJA_TEST_ENABLE}"));

    private static final SshConnectionPlugin PLUGIN = new SshConnectionPlugin();

    @AfterAll
    static void closePlugin() {
        PLUGIN.close();
    }

    private static SshConnection open(String name, Map<String, Object> extras) throws ConnectionException {
        return FleetHosts.open(PLUGIN, DEVICES.fleet(), name, extras);
    }

    @Test
    void aRejectedLineListsTheLinesAppliedAndLeavesConfigMode() throws Exception {
        SimulatedDevice device = DEVICES.fleet().device("r-reject");
        SshConnection connection = open("r-reject", Map.of());
        try {
            DeviceCli cli = connection.cli().orElseThrow();
            ConfigSession change = cli.configure();
            assertThat(device.shellLevels()).containsExactly(ShellLevel.CONFIG);
            assertThatThrownBy(() -> change.apply(List.of("ntp server 192.0.2.1", "logging host 192.0.2.7",
                    "ntp server 10.9.0.1", "logging host 192.0.2.8")))
                    .isInstanceOfSatisfying(ConfigRejectedException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
                        assertThat(e.line()).isEqualTo("ntp server 10.9.0.1");
                        assertThat(e.deviceMessage()).startsWith("% Invalid input");
                        assertThat(e.applied()).containsExactly("ntp server 192.0.2.1", "logging host 192.0.2.7");
                        assertThat(e.getMessage()).contains("ntp server 10.9.0.1", "% Invalid input",
                                "2 line(s) before it stay applied");
                    });
            // the device's own state: the two lines before it are in, the one after never arrived, config mode left
            assertThat(device.runningConfig()).contains("ntp server 192.0.2.1", "logging host 192.0.2.7")
                    .doesNotContain("10.9.0.1", "logging host 192.0.2.8");
            assertThat(device.commands()).doesNotContain("logging host 192.0.2.8");
            assertThat(device.shellLevels()).containsExactly(ShellLevel.PRIVILEGED);
            assertThat(cli.mode()).isEqualTo(CliMode.PRIVILEGED);
            assertThat(connection.executeCommand("show clock")).isNotBlank(); // the next task finds a usable session
        } finally {
            connection.close();
        }
    }

    @Test
    void copyRunningConfigAndReloadAreAnsweredThroughExchanges() throws Exception {
        SimulatedDevice device = DEVICES.fleet().device("r-save");
        SshConnection connection = open("r-save", Map.of());
        try {
            DeviceCli cli = connection.cli().orElseThrow();
            try (ConfigSession change = cli.configure()) {
                change.apply(List.of("ntp server 192.0.2.55"));
            }
            assertThat(device.startupConfig()).doesNotContain("ntp server 192.0.2.55");
            // "reload" with unsaved changes asks to save first, then to proceed: no to both
            String reload = cli.send(CliCommand.of("reload")
                    .answering("Save\\? \\[yes/no\\]:\\s*$", "no")
                    .answering("Proceed with reload\\? \\[confirm\\]\\s*$", "n"));
            assertThat(reload).contains("Proceed with reload? [confirm]");
            assertThat(device.reloads()).isZero();
            assertThat(connection.isAlive()).isTrue();

            cli.send(CliCommand.of("copy running-config startup-config")
                    .answering("Destination filename \\[startup-config\\]\\?\\s*$", ""));
            assertThat(device.startupConfig()).contains("ntp server 192.0.2.55");
        } finally {
            connection.close();
        }
    }

    @Test
    void saveThroughTheConfigSessionAnswersTheProfilesPrompt() throws Exception {
        SimulatedDevice device = DEVICES.fleet().device("r-save");
        SshConnection connection = open("r-save", Map.of());
        try {
            try (ConfigSession change = connection.cli().orElseThrow().configure()) {
                change.apply(List.of("logging host 192.0.2.66"));
                change.save();
            }
            assertThat(device.startupConfig()).contains("logging host 192.0.2.66");
            assertThat(device.shellLevels()).containsExactly(ShellLevel.PRIVILEGED);
        } finally {
            connection.close();
        }
    }

    @Test
    void aLongCommandWithItsOwnTimeoutOutlastsTheDefault() throws Exception {
        SimulatedDevice device = DEVICES.fleet().device("r-long");
        Map<String, Object> oneSecond = Map.of("command_timeout", 1, "read_timeout", 1);
        SshConnection connection = open("r-long", oneSecond);
        try {
            assertThatThrownBy(() -> connection.cli().orElseThrow().send("show tech-support"))
                    .isInstanceOfSatisfying(ConnectionException.class,
                            e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
        } finally {
            connection.close();
        }
        SshConnection again = open("r-long", oneSecond);
        try {
            // silent for 3 s: past both the 1 s command limit and the 1 s idle limit of the defaults
            String output = again.cli().orElseThrow()
                    .send(CliCommand.of("show tech-support").withTimeout(Duration.ofSeconds(20)));
            assertThat(device.commands()).containsSubsequence("show tech-support", "show tech-support");
            assertThat(again.cli().orElseThrow().mode()).isEqualTo(CliMode.PRIVILEGED);
            assertThat(output).isNotNull();
        } finally {
            again.close();
        }
    }

    @Test
    void enableWithASecretFromTheEnvironmentNeverShowsIt(@TempDir Path secrets) throws Exception {
        SimulatedDevice device = DEVICES.fleet().device("r-enable");
        Inventory inventory = DEVICES.fleet().inventory().withSecrets(
                new SecretResolver(Map.of("GENJA_TEST_ENABLE", ENABLE_SECRET)::get, secrets));
        PrintStream stderr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        TaskResults results;
        List<ShellLevel> levels;
        try (Genja genja = Genja.builder(inventory)
                .plugins(new PluginManager().register(new SshConnectionPlugin())).build()) {
            results = genja.filter(Filter.of("r-enable", h -> h.name().equals("r-enable"))).run(EnableAndShow.class);
            levels = device.shellLevels(); // while the connection is still open
        } finally {
            System.setErr(stderr);
        }
        assertThat(results.passedHosts()).containsExactly("r-enable");
        assertThat(levels).containsExactly(ShellLevel.PRIVILEGED);
        assertThat(device.commands()).contains("enable");
        String explained = inventory.explain("r-enable", "ssh").toString()
                + inventory.explain("r-enable", "ssh").lines();
        for (String shown : List.of(results.toJson(), results.toPrettyJson(), results.toString(),
                String.valueOf(results.hostResult("r-enable")), logs.toString(StandardCharsets.UTF_8), explained)) {
            assertThat(shown).doesNotContain(ENABLE_SECRET);
        }
        assertThat(explained).contains("${env:GENJA_TEST_ENABLE}");
    }
}
