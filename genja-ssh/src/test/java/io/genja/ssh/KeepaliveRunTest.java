package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.plugin.PluginManager;
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

/** Keep-alive through the whole runtime: a session it closed is opened again for the next task. */
@Timeout(60)
class KeepaliveRunTest {

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .linux(1)
            .device(SimulatedDevice.builder("hung").platform(DevicePlatform.LINUX).fault(Fault.IGNORE_KEEPALIVES))
            .sshExtra("keepalive", 0.3)
            .sshExtra("keepalive_count_max", 2));

    @Test
    void aSessionTheKeepaliveClosedIsOpenedAgainForTheNextTask() throws Exception {
        DeviceFleet fleet = DEVICES.fleet();
        SimulatedDevice healthy = fleet.device("linux-001");
        SimulatedDevice hung = fleet.device("hung");
        RunOptions showVersion = RunOptions.defaults().option("command", "show version");
        try (Genja genja = Genja.builder(fleet.inventory())
                .plugins(new PluginManager().register(new SshConnectionPlugin())).build()) {
            TaskResults first = genja.run(RunCommand.class, showVersion);
            assertThat(first.passedHosts()).containsExactlyInAnyOrder("linux-001", "hung");

            // "hung" answers no keep-alive: the client closes its session after two; the healthy one stays open
            assertThat(hung.awaitOpenSessions(0, Duration.ofSeconds(20))).isTrue();
            assertThat(healthy.keepalivesReceived()).isPositive();
            assertThat(healthy.openSessions()).isEqualTo(1);

            TaskResults second = genja.run(RunCommand.class, showVersion);
            assertThat(second.passedHosts()).containsExactlyInAnyOrder("linux-001", "hung");
            // its first session was gone, so the second command ran on a session the runtime opened again
            assertThat(hung.commands()).containsExactly("show version", "show version");
        }
        assertThat(fleet.awaitNoOpenSessions(Duration.ofSeconds(20))).isTrue();
    }
}
