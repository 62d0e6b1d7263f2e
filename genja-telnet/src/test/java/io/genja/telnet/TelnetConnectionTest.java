package io.genja.telnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.connection.CliMode;
import io.genja.connection.ConfigKind;
import io.genja.connection.ConfigSession;
import io.genja.connection.ConnectionException;
import io.genja.connection.DeviceCli;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.task.FailureKind;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.DevicePlatform;
import io.genja.testkit.Fault;
import io.genja.testkit.SimulatedDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The telnet plugin against simulated Telnet devices: login, commands, paging, privilege, configuration, faults. */
@Timeout(120)
class TelnetConnectionTest {

    private static final String PASSWORD = "Pa55-w0rd-Kq9";
    private static final String ENABLE_SECRET = "En4ble-Zt3-secret";

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .ciscoIos(1)
            .platform("cisco_iosxr", 1)
            .platform("juniper_junos", 1)
            .platform("arista_eos", 1)
            .platform("cisco_nxos", 1)
            .device(SimulatedDevice.builder("r-enable").enableSecret(ENABLE_SECRET))
            .device(SimulatedDevice.builder("refuses-auth").fault(Fault.REFUSE_AUTH))
            .device(SimulatedDevice.builder("drops-mid-command").fault(Fault.DROP_MID_COMMAND))
            .device(SimulatedDevice.builder("slow-ios").platform(DevicePlatform.CISCO_IOS).fault(Fault.SLOW_OUTPUT)
                    .slowLineDelay(Duration.ofMillis(300)))
            .each(device -> device.telnet().credentials("admin", PASSWORD)));

    private static final TelnetConnectionPlugin PLUGIN = new TelnetConnectionPlugin();

    @AfterAll
    static void closePlugin() {
        PLUGIN.close();
    }

    @Test
    void logsInAndRunsCommandsOnFivePlatforms() throws Exception {
        for (String name : List.of("ios-001", "cisco_iosxr-001", "juniper_junos-001", "arista_eos-001",
                "cisco_nxos-001")) {
            SimulatedDevice device = DEVICES.fleet().device(name);
            TelnetConnection connection = open(name, Map.of());
            try {
                assertThat(connection.isAlive()).isTrue();
                assertThat(connection.executeCommand("show version").strip()).as(name).isEqualTo(device.showVersion().strip());
                assertThat(device.commands()).as(name).containsAll(connection.profile().pagingOff());
                assertThatThrownBy(() -> connection.executeCommand("show bogus"))
                        .isInstanceOfSatisfying(ConnectionException.class, e -> {
                            assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
                            assertThat(e.getMessage()).contains("\"show bogus\" was rejected by the device");
                        });
                assertThat(connection.executeCommand("show version").strip()).as("usable after a rejected command")
                        .isEqualTo(device.showVersion().strip());
            } finally {
                connection.close();
            }
            assertThat(connection.isAlive()).isFalse();
        }
        DEVICES.fleet().assertNoOpenSessions(Duration.ofSeconds(10));
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureThatNeverShowsThePassword() {
        String wrong = "Wr0ng-Pa55-Yx2";
        assertThatThrownBy(() -> open("ios-001", Map.of(), wrong))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("host ios-001 (127.0.0.1:")
                            .contains("refused the login of user \"admin\"").contains("% Login invalid")
                            .doesNotContain(wrong).doesNotContain(PASSWORD);
                });
        assertThatThrownBy(() -> open("refuses-auth", Map.of()))
                .isInstanceOfSatisfying(ConnectionException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION));
        assertThat(DEVICES.fleet().device("ios-001").commands()).doesNotContain(wrong, PASSWORD);
    }

    @Test
    void pagesThroughMoreWhenPagingStaysOn() throws Exception {
        Path profile = DEVICES.fleet().directory().resolve("ios-paging.yaml");
        Files.writeString(profile, """
                name: cisco_ios
                aliases: [ios]
                default_mode: shell
                prompt: '[\\w.\\-@/:]{1,63}[>#]\\s*$'
                paging_off: []
                more_pattern: '\\s*--More--\\s*$'
                error_patterns: ['^\\s*% Invalid input']
                """);
        SimulatedDevice device = DEVICES.fleet().device("ios-001");
        TelnetConnection connection = open("ios-001", Map.of("platform_profile", profile.toString()));
        try {
            String config = connection.executeCommand("show running-config");
            assertThat(config + "\n").isEqualTo(device.runningConfig());
            assertThat(config.lines().count()).isGreaterThan(250);
        } finally {
            connection.close();
        }
    }

    @Test
    void enablesWithTheSecretAndARefusedSecretNeverShowsIt() throws Exception {
        TelnetConnection connection = open("r-enable", Map.of("secret", ENABLE_SECRET));
        try {
            DeviceCli cli = connection.cli().orElseThrow();
            assertThat(cli.mode()).isEqualTo(CliMode.USER);
            cli.enable();
            assertThat(cli.mode()).isEqualTo(CliMode.PRIVILEGED);
        } finally {
            connection.close();
        }
        String wrong = "Not-The-Secret-77";
        TelnetConnection refused = open("r-enable", Map.of("secret", wrong));
        try {
            assertThatThrownBy(() -> refused.cli().orElseThrow().enable())
                    .isInstanceOfSatisfying(ConnectionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                        assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(ENABLE_SECRET);
                    });
        } finally {
            refused.close();
        }
        assertThat(DEVICES.fleet().device("r-enable").commands()).doesNotContain(wrong, ENABLE_SECRET);
    }

    @Test
    void changesTheConfigurationThroughTheDeviceCli() throws Exception {
        SimulatedDevice ios = DEVICES.fleet().device("ios-001");
        TelnetConnection connection = open("ios-001", Map.of());
        try {
            DeviceCli cli = connection.cli().orElseThrow();
            assertThat(cli.configKind()).isEqualTo(ConfigKind.RUNNING);
            try (ConfigSession change = cli.configure()) {
                change.apply(List.of("ntp server 192.0.2.41"));
                change.commit();
            }
            assertThat(cli.mode()).isEqualTo(CliMode.PRIVILEGED);
            assertThat(ios.runningConfig()).contains("ntp server 192.0.2.41");
        } finally {
            connection.close();
        }

        SimulatedDevice junos = DEVICES.fleet().device("juniper_junos-001");
        TelnetConnection candidate = open("juniper_junos-001", Map.of());
        try {
            DeviceCli cli = candidate.cli().orElseThrow();
            assertThat(cli.configKind()).isEqualTo(ConfigKind.CANDIDATE);
            try (ConfigSession change = cli.configure()) {
                change.apply(List.of("set system ntp server 192.0.2.42"));
                assertThat(change.diff()).hasValueSatisfying(diff -> assertThat(diff).contains("192.0.2.42"));
                change.commit();
            }
            assertThat(junos.runningConfig()).contains("192.0.2.42");
        } finally {
            candidate.close();
        }
    }

    @Test
    void aDroppedConnectionFailsTheCommandAndTheConnectionIsNoLongerAlive() throws Exception {
        TelnetConnection connection = open("drops-mid-command", Map.of());
        try {
            assertThatThrownBy(() -> connection.executeCommand("show running-config"))
                    .isInstanceOfSatisfying(ConnectionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
                        assertThat(e.getMessage()).contains("the host closed the Telnet connection while");
                        assertThat(e.retryable()).isTrue();
                    });
            assertThat(connection.isAlive()).isFalse();
            assertThatThrownBy(() -> connection.executeCommand("show version"))
                    .isInstanceOfSatisfying(ConnectionException.class,
                            e -> assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION));
        } finally {
            connection.close();
        }
    }

    @Test
    void aCommandThatOutlastsItsTimeoutFailsWithTimeoutAndClosesTheSession() throws Exception {
        TelnetConnection connection = open("slow-ios", Map.of("command_timeout", 1));
        try {
            assertThatThrownBy(() -> connection.executeCommand("show version"))
                    .isInstanceOfSatisfying(ConnectionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
                        assertThat(e.getMessage()).contains("\"show version\" did not finish within 1 s");
                    });
            assertThat(connection.isAlive()).isFalse();
        } finally {
            connection.close();
        }
    }

    @Test
    void nobodyListeningIsARetryableConnectionFailure() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        TelnetConnection connection = (TelnetConnection) PLUGIN.create(new ConnectionKey("nobody", "telnet"));
        assertThatThrownBy(() -> connection.open(new ResolvedConnectionParams("127.0.0.1", port, "admin", PASSWORD,
                "cisco_ios", Map.of())))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
                    assertThat(e.getMessage()).contains("connection refused; is a Telnet server listening on port " + port);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void wrongExtrasAndAnUnknownPlatformAreFoundWithoutConnecting() {
        ResolvedConnectionParams params = new ResolvedConnectionParams("127.0.0.1", null, "admin", PASSWORD,
                "cisco_ois", Map.of("read_timeout", "soon"));
        assertThat(PLUGIN.validate("r9", params)).singleElement().asString()
                .contains("extras.read_timeout must be a number of seconds, e.g. 30, got \"soon\"");
        assertThat(PLUGIN.validate("r9", new ResolvedConnectionParams("127.0.0.1", null, "admin", PASSWORD,
                "cisco_ois", Map.of()))).as("the platform is the ssh plugin's check too: reported once").isEmpty();
        TelnetConnection connection = (TelnetConnection) PLUGIN.create(new ConnectionKey("r9", "telnet"));
        assertThatThrownBy(() -> connection.open(new ResolvedConnectionParams("127.0.0.1", null, "admin", PASSWORD,
                "cisco_ois", Map.of())))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.VALIDATION);
                    assertThat(e.getMessage()).contains(
                            "platform \"cisco_ois\" has no telnet platform profile (did you mean \"cisco_ios\"?)");
                });
    }

    private static TelnetConnection open(String name, Map<String, Object> extras) throws ConnectionException {
        return open(name, extras, null);
    }

    /** {@code name}'s connection with the inventory's parameters (another password if given), a 10 s timeout, extras. */
    private static TelnetConnection open(String name, Map<String, Object> extras, String password)
            throws ConnectionException {
        ResolvedConnectionParams params = DEVICES.fleet().inventory().resolveConnection(name, TelnetConnectionPlugin.NAME);
        Map<String, Object> all = new LinkedHashMap<>(params.extras());
        all.put("timeout", 10);
        all.putAll(extras);
        TelnetConnection connection = (TelnetConnection) PLUGIN.create(new ConnectionKey(name, TelnetConnectionPlugin.NAME));
        connection.open(new ResolvedConnectionParams(params.hostname(), params.port(), params.username(),
                password != null ? password : params.password(), params.platform(), all));
        return connection;
    }
}
