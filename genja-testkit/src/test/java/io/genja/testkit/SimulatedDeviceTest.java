package io.genja.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.inventory.ResolvedConnectionParams;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.future.GlobalRequestFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulated devices, seen through a plain MINA client (the testkit does not depend on genja-ssh). */
@Timeout(60)
class SimulatedDeviceTest {

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .ciscoIos(2).linux(1)
            .device(SimulatedDevice.builder("locked").fault(Fault.REFUSE_AUTH))
            .device(SimulatedDevice.builder("silent").fault(Fault.NO_BANNER))
            .device(SimulatedDevice.builder("hung").platform(DevicePlatform.LINUX).fault(Fault.IGNORE_KEEPALIVES)));

    static SshClient client;

    @BeforeAll
    static void startClient() {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    @AfterAll
    static void stopClient() {
        client.stop();
    }

    @Test
    void fleetHandsBackAnInventoryAndAKnownHostsFile(DeviceFleet fleet) throws Exception {
        ResolvedConnectionParams params = fleet.inventory().resolveConnection("ios-002", "ssh");
        assertThat(params.hostname()).isEqualTo("127.0.0.1");
        assertThat(params.port()).isEqualTo(fleet.device("ios-002").port());
        assertThat(params.platform()).isEqualTo("cisco_ios");
        assertThat(params.extras()).containsEntry("known_hosts_file", fleet.knownHostsFile().toString());
        assertThat(Files.readString(fleet.knownHostsFile()))
                .contains("[127.0.0.1]:" + fleet.device("linux-001").port() + " ecdsa-sha2-nistp256 ")
                .doesNotContain(":" + fleet.device("silent").port() + " ");
        assertThat(fleet.devices()).extracting(SimulatedDevice::name)
                .containsExactly("ios-001", "ios-002", "linux-001", "locked", "silent", "hung");
    }

    @Test
    void iosAnswersOneExecCommandThenClosesTheSession(DeviceFleet fleet) throws Exception {
        SimulatedDevice device = fleet.device("ios-001");
        try (ClientSession session = login(device)) {
            String output = session.executeRemoteCommand("show version");
            assertThat(output.replace("\r\n", "\n")).isEqualTo(device.showVersion() + "\n");
            assertThat(session.waitFor(EnumSet.of(org.apache.sshd.client.session.ClientSession.ClientSessionEvent.CLOSED),
                    Duration.ofSeconds(10))).contains(org.apache.sshd.client.session.ClientSession.ClientSessionEvent.CLOSED);
        }
        assertThat(fleet.awaitNoOpenSessions(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void iosShellPagesUntilPagingIsTurnedOffAndRejectsUnknownCommands(DeviceFleet fleet) throws Exception {
        SimulatedDevice device = fleet.device("ios-002");
        try (ClientSession session = login(device); ChannelShell shell = session.createShellChannel()) {
            Received received = new Received();
            shell.setOut(received);
            shell.open().verify(Duration.ofSeconds(10));
            OutputStream in = shell.getInvertedIn();
            received.await("ios-002#", 1);
            in.write("show running-config\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            received.await(" --More-- ", 1);
            in.write("q".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            received.await("ios-002#", 2);
            in.write("terminal length 0\nshow bogus\nexit\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10));
            String text = received.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("% Invalid input detected at '^' marker.").containsOnlyOnce(" --More-- ");
        }
        assertThat(device.commands()).containsExactly("show running-config", "terminal length 0", "show bogus", "exit");
    }

    @Test
    void linuxExecReportsExitStatusAndStderr(DeviceFleet fleet) throws Exception {
        try (ClientSession session = login(fleet.device("linux-001"))) {
            assertThat(session.executeRemoteCommand("uname -a")).startsWith("Linux linux-001 6.1.0");
            assertThatThrownBy(() -> session.executeRemoteCommand("frobnicate"))
                    .hasMessageContaining("command not found");
        }
    }

    @Test
    void faultyDevicesMisbehaveAsTold(DeviceFleet fleet) throws Exception {
        SimulatedDevice locked = fleet.device("locked");
        assertThatThrownBy(() -> login(locked)).hasMessageContaining("No more authentication methods");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", fleet.device("silent").port()), 5000);
            socket.setSoTimeout(300);
            InputStream in = socket.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(fleet.awaitNoOpenSessions(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void keepalivesAreCountedAndAnsweredUnlessTheDeviceIgnoresThem(DeviceFleet fleet) throws Exception {
        SimulatedDevice answering = fleet.device("linux-001");
        SimulatedDevice hung = fleet.device("hung");
        int answeringBefore = answering.keepalivesReceived();
        try (ClientSession toAnswering = login(answering); ClientSession toHung = login(hung)) {
            // OpenSSH answers keepalive@openssh.com with a failure; it is the reply itself that matters
            assertThat(keepalive(toAnswering).await(Duration.ofSeconds(10))).isTrue();
            GlobalRequestFuture unanswered = keepalive(toHung);
            assertThat(unanswered.await(Duration.ofMillis(500))).isFalse();
            assertThat(hung.keepalivesReceived()).isEqualTo(1);
            assertThat(answering.keepalivesReceived()).isEqualTo(answeringBefore + 1);
        }
    }

    @Test
    void unknownAlgorithmNamesAreRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> SimulatedDevice.builder("r1").ciphers("aes128-cbc", "rot13"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown cipher \"rot13\"; known: [").hasMessageContaining("aes256-ctr");
        assertThatThrownBy(() -> SimulatedDevice.builder("r1").macs("hmac-crc32"))
                .hasMessageStartingWith("unknown MAC \"hmac-crc32\"");
        assertThatThrownBy(() -> SimulatedDevice.builder("r1").hostKeyAlgorithms("ssh-rsa1"))
                .hasMessageStartingWith("unknown host key algorithm \"ssh-rsa1\"");
    }

    private static GlobalRequestFuture keepalive(ClientSession session) throws Exception {
        Buffer request = session.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST);
        request.putString("keepalive@openssh.com");
        request.putBoolean(true);
        return session.request(request, "keepalive@openssh.com", null);
    }

    private static ClientSession login(SimulatedDevice device) throws Exception {
        ClientSession session = client.connect(device.username(), "127.0.0.1", device.port())
                .verify(Duration.ofSeconds(10)).getSession();
        session.addPasswordIdentity(device.password());
        try {
            session.auth().verify(Duration.ofSeconds(10));
        } catch (Exception e) {
            session.close(true);
            throw e;
        }
        return session;
    }

    /** What a shell received; {@link #await} wakes up on each write instead of polling. */
    private static final class Received extends ByteArrayOutputStream {

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }

        /** Waits (bounded) until {@code text} has arrived {@code times} times. */
        synchronized void await(String text, int times) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (toString(StandardCharsets.UTF_8).split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("\"" + text + "\" did not arrive " + times + " time(s); received: " + this);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
