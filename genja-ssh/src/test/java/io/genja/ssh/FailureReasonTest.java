package io.genja.ssh;

import io.genja.device.OutputSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.connection.ConnectionException;
import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.task.FailureKind;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.DevicePlatform;
import io.genja.testkit.Fault;
import io.genja.testkit.SimulatedDevice;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures say what really happened: who closed a session, which step of an open did not finish, and that a
 * command printed more than the output cap.
 */
@Timeout(60)
class FailureReasonTest {

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .linux(1)
            // answers no keep-alive, and thinks 3 s before each answer: the keep-alive gives up while a command runs
            .device(SimulatedDevice.builder("hung").platform(DevicePlatform.LINUX).fault(Fault.IGNORE_KEEPALIVES)
                    .latency(Duration.ofSeconds(3)))
            .device(SimulatedDevice.builder("no-paging").fault(Fault.IGNORE_PAGING_OFF))
            .device(SimulatedDevice.builder("flood").fault(Fault.ENDLESS_OUTPUT)));

    private SshConnectionPlugin plugin;

    @BeforeEach
    void newPlugin() {
        plugin = new SshConnectionPlugin();
    }

    @AfterEach
    void closePlugin() throws InterruptedException {
        plugin.close();
        assertThat(DEVICES.fleet().awaitNoOpenSessions(Duration.ofSeconds(10))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"exec", "shell"})
    void aSessionTheKeepaliveClosedWhileACommandRanIsNotSaidToBeClosedByTheHost(String mode) throws Exception {
        SshConnection connection = open("hung", Map.of("mode", mode, "keepalive", 0.3, "keepalive_count_max", 2));
        assertThatThrownBy(() -> connection.executeCommand("hostname")).isInstanceOfSatisfying(
                ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).isEqualTo(where("hung") + ": the SSH session is gone: the host "
                            + "answered none of 2 keep-alive requests sent 0.3 s apart (extras.keepalive, "
                            + "extras.keepalive_count_max)");
                });
        connection.close();
    }

    @Test
    void aShellWhosePagingOffCommandNeverAnswersFailsToOpenWithATimeoutNamingIt() {
        SimulatedDevice device = DEVICES.fleet().device("no-paging");
        SshConnection connection = (SshConnection) plugin.create(key(device));
        long started = System.nanoTime();
        assertThatThrownBy(() -> connection.open(params(device, Map.of("timeout", 1))))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
                    assertThat(e.getMessage()).startsWith(where("no-paging") + ": the paging-off command \"terminal "
                            + "length 0\" did not finish").contains("within 1 s");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(connection.isAlive()).isFalse();
        connection.close();
    }

    @Test
    void throughTheRuntimeThatHostIsUnreachableWithThatTimeoutNotAClosedConnection() throws Exception {
        ResolvedConnectionParams params = params(DEVICES.fleet().device("no-paging"), Map.of("timeout", 1));
        Inventory oneHost = Inventory.builder().host("no-paging", Attributes.builder().hostname(params.hostname())
                .port(params.port()).username(params.username()).password(params.password())
                .platform(params.platform())
                .connectionOptions("ssh", new ConnectionOptions(null, null, null, null, null, params.extras()))
                .build()).build();
        try (Genja genja = Genja.builder(oneHost).plugins(new PluginManager().register(plugin)).build()) {
            TaskResults results = genja.run(RunCommand.class, RunOptions.defaults().option("command", "show version"));
            assertThat(results.unreachableHosts()).containsExactly("no-paging");
            HostTaskResult.Failed failed = (HostTaskResult.Failed) results.hostResult("no-paging");
            assertThat(failed.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(failed.failure().message()).contains("the paging-off command \"terminal length 0\" did not "
                    + "finish");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"exec", "shell"})
    void aCommandThatPrintsMoreThanTheCapFailsWithoutRetryAndTheNextOneGetsAFreshChannel(String mode)
            throws Exception {
        SshConnection connection = open("flood", Map.of("mode", mode, "max_output", "1MiB"));
        String closed = mode.equals("exec") ? "its exec channel closed"
                : "the shell closed (the next command opens a new session)";
        assertThatThrownBy(() -> connection.executeCommand("show logging")).isInstanceOfSatisfying(
                ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo(where("flood") + ": \"show logging\" printed more than "
                            + "1 MiB, the output cap; it was stopped and " + closed + ". If that much output is "
                            + "expected, raise the cap with extras.max_output (per host) or ssh.max_output (settings "
                            + "file), e.g. max_output: 256MiB");
                });
        // exec: the session stays usable; shell: it is closed, so the runtime opens a new one
        assertThat(connection.isAlive()).isEqualTo(mode.equals("exec"));
        connection.close();
    }

    @Test
    void badCapsAreValidationErrorsThatSayWhatIsRight() {
        SimulatedDevice device = DEVICES.fleet().device("linux-001");
        for (Object bad : new Object[] {"lots", "64 TiB", 512, -1, 1.5}) {
            assertThat(plugin.validate("linux-001", params(device, Map.of("max_output", bad))))
                    .containsExactly("extras.max_output must be a size in bytes, e.g. 67108864, 64MiB or 512KiB "
                            + "(KiB, MiB, GiB; K, M, G mean the same), at least 1KiB, got \"" + bad + "\"");
        }
        assertThat(OutputSize.parse("64MiB")).hasValue(64L << 20);
        assertThat(OutputSize.parse("64 m")).hasValue(64L << 20);
        assertThat(OutputSize.parse("2G")).hasValue(2L << 30);
        assertThat(OutputSize.parse("1024")).hasValue(1024);
        assertThat(OutputSize.parse("512KB")).hasValue(512L << 10);
    }

    @Test
    void theDefaultCapIs64MiB() throws Exception {
        SimulatedDevice device = DEVICES.fleet().device("linux-001");
        assertThat(SshOptions.from("linux-001", params(device, Map.of())).maxOutput()).isEqualTo(64L << 20);
    }

    private static String where(String name) {
        return "host " + name + " (127.0.0.1:" + DEVICES.fleet().device(name).port() + ")";
    }

    private SshConnection open(String name, Map<String, Object> extras) throws ConnectionException {
        return FleetHosts.open(plugin, DEVICES.fleet(), name, extras);
    }

    private static ConnectionKey key(SimulatedDevice device) {
        return FleetHosts.key(device);
    }

    private static ResolvedConnectionParams params(SimulatedDevice device, Map<String, Object> extras) {
        return FleetHosts.params(DEVICES.fleet(), device, extras);
    }
}
