package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.connection.ConnectionException;
import io.genja.device.Mode;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.plugin.PluginManager;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.SimulatedDevice;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A platform added as one resource file (src/test/resources/META-INF/genja/platforms/acme_os.yaml and its index
 * line), no code: the simulated device prints its prompt and error text, and the ssh plugin recognises them.
 */
@Timeout(60)
class OneProfileFileTest {

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .platform("acme", 2).sshExtra("timeout", 10));

    @Test
    void theSshPluginDrivesASimulatedDeviceOfAPlatformThatIsOnlyAProfileFile() throws Exception {
        SimulatedDevice device = DEVICES.fleet().device("acme_os-001");
        SshConnectionPlugin plugin = new SshConnectionPlugin();
        try {
            SshConnection connection = (SshConnection) plugin.create(new ConnectionKey(device.name(), "ssh"));
            ResolvedConnectionParams params = DEVICES.fleet().inventory().resolveConnection(device.name(), "ssh");
            assertThat(params.platform()).isEqualTo("acme_os");
            connection.open(params);
            assertThat(connection.profile().name()).isEqualTo("acme_os");
            assertThat(connection.mode()).isEqualTo(Mode.SHELL);
            assertThat(connection.executeCommand("show version")).isEqualTo(device.showVersion().stripTrailing());
            assertThatThrownBy(() -> connection.executeCommand("frobnicate"))
                    .isInstanceOfSatisfying(ConnectionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
                        assertThat(e.getMessage()).endsWith("\"frobnicate\" was rejected by the device: "
                                + "!! unknown verb \"frobnicate\"");
                    });
            connection.close();
        } finally {
            plugin.close();
        }
        // the paging-off command came from the profile, and the simulated device understood it from the same file
        assertThat(device.commands()).startsWith("pager 0");
        DEVICES.fleet().assertNoOpenSessions(Duration.ofSeconds(10));
    }

    @Test
    void genjaRunsATaskOnEveryDeviceOfThatPlatform() throws Exception {
        SshConnectionPlugin plugin = new SshConnectionPlugin();
        TaskResults results;
        try (Genja genja = Genja.builder(DEVICES.fleet().inventory()).plugins(new PluginManager().register(plugin))
                .build()) {
            results = genja.run(RunCommand.class, RunOptions.defaults().option("command", "show running-config"));
        } finally {
            plugin.close();
        }
        for (SimulatedDevice device : DEVICES.fleet().devices()) {
            assertThat(((HostTaskResult.Passed) results.hostResult(device.name())).success().result())
                    .isEqualTo(device.runningConfig().stripTrailing());
        }
        DEVICES.fleet().assertNoOpenSessions(Duration.ofSeconds(10));
    }
}
