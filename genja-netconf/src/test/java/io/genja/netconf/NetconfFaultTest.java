package io.genja.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.connection.ConnectionException;
import io.genja.task.FailureKind;
import io.genja.testkit.netconf.NetconfFault;
import io.genja.testkit.netconf.SimulatedNetconfServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against a misbehaving server: rpc-errors, broken framing, a dropped session, an XXE payload. */
@Timeout(60)
class NetconfFaultTest {

    @TempDir
    Path directory;

    private final NetconfConnectionPlugin plugin = new NetconfConnectionPlugin();
    private SimulatedNetconfServer server;

    @AfterEach
    void close() {
        plugin.close();
        if (server != null) {
            server.close();
        }
    }

    private NetconfConnection open(SimulatedNetconfServer.Builder builder) throws Exception {
        server = builder.runningConfig(NetconfSessionTest.SYSTEM).build().start();
        return NetconfHosts.open(plugin, directory, server);
    }

    @Test
    void anRpcErrorBecomesAFailureWithItsTypeTagSeverityMessageAndPath() throws Exception {
        NetconfSession session = open(SimulatedNetconfServer.builder("r1").fault(NetconfFault.RPC_ERROR, "commit"))
                .session();

        assertThatThrownBy(session::commit).isInstanceOfSatisfying(NetconfRpcException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.type()).isEqualTo("application");
                assertThat(error.tag()).isEqualTo("operation-failed");
                assertThat(error.severity()).isEqualTo("error");
                assertThat(error.message()).isEqualTo("simulated failure of <commit>");
                assertThat(error.path()).isEqualTo("/commit");
            });
            assertThat(e.getMessage()).isEqualTo("host r1 (127.0.0.1:" + server.port() + "): <commit> failed:"
                    + " application/operation-failed (error): simulated failure of <commit> [path /commit]");
        });
        assertThat(session.getConfig(Datastore.RUNNING, null)).as("the session goes on").contains("r1");
    }

    @ParameterizedTest(name = "base:1.1 advertised: {0}")
    @ValueSource(booleans = {true, false})
    void aFramingErrorFailsTheCall(boolean base11) throws Exception {
        NetconfConnection connection = open(SimulatedNetconfServer.builder("r1").base11(base11)
                .fault(NetconfFault.FRAMING_ERROR, "get-config"));
        NetconfSession session = connection.session();

        assertThatThrownBy(() -> session.getConfig(Datastore.RUNNING, null))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    if (base11) { // the stream cannot be read on: the session ends
                        assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
                        assertThat(e.getMessage()).contains("bad chunked framing", "\\n#x");
                    } else { // base:1.0 delimits messages by a marker only: the bad message is refused, not the stream
                        assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
                        assertThat(e.getMessage()).contains("not well-formed XML");
                    }
                });
        if (base11) {
            assertThat(connection.isAlive()).isFalse();
            connection.close();
            assertThat(server.awaitOpenSessions(0, Duration.ofSeconds(10))).isTrue();
        }
    }

    @ParameterizedTest(name = "base:1.1 advertised: {0}")
    @ValueSource(booleans = {true, false})
    void aSessionDroppedMidReplyFailsTheCallWithConnection(boolean base11) throws Exception {
        NetconfConnection connection = open(SimulatedNetconfServer.builder("r1").base11(base11)
                .fault(NetconfFault.DROP_MID_REPLY, "get-config"));

        assertThatThrownBy(() -> connection.session().getConfig(Datastore.RUNNING, null))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("closed the NETCONF session",
                            "waiting for the reply to <get-config>");
                });
        assertThat(connection.isAlive()).isFalse();
    }

    @Test
    void anXxePayloadFromTheDeviceIsRefusedAndNeverReadsTheFile() throws Exception {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET-42");
        NetconfSession session = open(SimulatedNetconfServer.builder("r1")
                .fault(NetconfFault.XXE_PAYLOAD, "get-config").xxeTarget(secret.toUri().toString())).session();

        assertThatThrownBy(() -> session.getConfig(Datastore.RUNNING, null))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
                    assertThat(e.getMessage()).contains("declares a DTD", "refused", "XXE")
                            .doesNotContain("TOP-SECRET-42");
                });
        assertThat(session.get(null)).as("the session goes on, server saw %s", server.operations()).contains("r1");
    }

    @Test
    void anXxePayloadPointingAtAUrlNeverFetchesIt() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            listener.configureBlocking(false);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            NetconfSession session = open(SimulatedNetconfServer.builder("r1")
                    .fault(NetconfFault.XXE_PAYLOAD, "get").xxeTarget("http://127.0.0.1:" + port + "/xxe")).session();

            assertThatThrownBy(() -> session.get(null)).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("declares a DTD");
            // A parser that fetched the URL would have connected before failing: the connection would be queued.
            assertThat(listener.accept()).isNull();
        }
    }

    @Test
    void aDeviceWithoutTheNetconfSubsystemFailsTheOpenWithConnection() throws Exception {
        io.genja.testkit.SimulatedDevice plainSsh = io.genja.testkit.SimulatedDevice.builder("r1").build().start();
        try {
            Path knownHosts = Files.writeString(directory.resolve("known_hosts"), "[127.0.0.1]:" + plainSsh.port() + " "
                    + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(plainSsh.hostPublicKey()) + "\n");
            var params = new io.genja.inventory.ResolvedConnectionParams("127.0.0.1", plainSsh.port(), "admin", "admin",
                    "ios", java.util.Map.of("known_hosts_file", knownHosts.toString(), "timeout", 10));
            var connection = plugin.create(new io.genja.inventory.ConnectionKey("r1", "netconf"));
            assertThatThrownBy(() -> connection.open(params)).isInstanceOfSatisfying(ConnectionException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
                assertThat(e.getMessage()).contains("netconf subsystem");
            });
        } finally {
            plainSsh.close();
        }
    }

    @Test
    void anUnknownHostKeyFailsTheOpenAsTheSshPluginDoes() throws Exception {
        server = SimulatedNetconfServer.builder("r1").build().start();
        Path emptyKnownHosts = Files.writeString(directory.resolve("empty_known_hosts"), "");
        var params = new io.genja.inventory.ResolvedConnectionParams("127.0.0.1", server.port(), "admin", "admin",
                null, java.util.Map.of("known_hosts_file", emptyKnownHosts.toString(), "timeout", 10));
        var connection = plugin.create(new io.genja.inventory.ConnectionKey("r1", "netconf"));

        assertThatThrownBy(() -> connection.open(params)).isInstanceOfSatisfying(ConnectionException.class,
                e -> assertThat(e.getMessage()).containsIgnoringCase("host key"));
        assertThat(server.openSessions()).isZero();
    }
}
