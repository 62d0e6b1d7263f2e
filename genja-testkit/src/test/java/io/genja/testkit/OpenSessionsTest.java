package io.genja.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The leak checks the project's no-leak tests rest on: counts never negative, one leak never hidden. */
@Timeout(60)
class OpenSessionsTest {

    private SshClient client;
    private DeviceFleet fleet;

    @BeforeEach
    void start() {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        fleet = DeviceFleet.builder().ciscoIos(2).linux(1).start();
    }

    @AfterEach
    void stop() {
        client.stop();
        fleet.close();
    }

    @Test
    void iosExecSessionsThatTheDeviceClosesCountZeroNotMinusOne() throws Exception {
        for (SimulatedDevice ios : fleet.devices().subList(0, 2)) {
            for (int i = 0; i < 2; i++) {
                try (ClientSession session = login(ios)) {
                    session.executeRemoteCommand("show clock");
                    session.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), Duration.ofSeconds(10));
                }
            }
            assertThat(ios.awaitOpenSessions(0, Duration.ofSeconds(10))).isTrue();
            assertThat(ios.openSessions()).isZero();
        }
        assertThat(fleet.openSessions()).isZero();
        fleet.assertNoOpenSessions(Duration.ofSeconds(10));
    }

    @Test
    void oneLeakedSessionFailsTheFleetWideCheckWhateverTheOtherDevicesDid() throws Exception {
        // the IOS devices close their exec sessions themselves, which used to count -1 each
        for (SimulatedDevice ios : fleet.devices().subList(0, 2)) {
            try (ClientSession session = login(ios)) {
                session.executeRemoteCommand("show clock");
                session.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), Duration.ofSeconds(10));
            }
        }
        SimulatedDevice linux = fleet.device("linux-001");
        ClientSession leaked = login(linux); // left open on purpose
        try {
            assertThat(linux.awaitOpenSessions(1, Duration.ofSeconds(10))).isTrue();
            assertThat(fleet.awaitNoOpenSessions(Duration.ofMillis(300))).isFalse();
            assertThat(fleet.devicesWithOpenSessions()).containsExactly(linux);
            assertThatThrownBy(() -> fleet.assertNoOpenSessions(Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageEndingWith(": [linux-001=1]");
        } finally {
            leaked.close(false);
        }
        fleet.assertNoOpenSessions(Duration.ofSeconds(10));
    }

    private ClientSession login(SimulatedDevice device) throws Exception {
        ClientSession session = client.connect(device.username(), "127.0.0.1", device.port())
                .verify(Duration.ofSeconds(10)).getSession();
        session.addPasswordIdentity(device.password());
        session.auth().verify(Duration.ofSeconds(10));
        return session;
    }
}
