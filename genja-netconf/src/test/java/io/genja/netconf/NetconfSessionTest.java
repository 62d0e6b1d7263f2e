package io.genja.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.connection.ConnectionException;
import io.genja.task.FailureKind;
import io.genja.testkit.netconf.SimulatedNetconfServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every NETCONF operation of the client against the simulated server, in both framings (base:1.1 chunked when the
 * server advertises it, base:1.0 end-of-message when it does not), asserting the server's datastores.
 */
@Timeout(60)
class NetconfSessionTest {

    static final String SYSTEM = "<system xmlns=\"urn:example:system\"><hostname>r1</hostname>"
            + "<ntp><server><name>192.0.2.1</name><prefer>true</prefer></server></ntp></system>";
    static final String INTERFACES = "<interfaces xmlns=\"urn:example:if\"><interface><name>ge-0/0/0</name>"
            + "<description>uplink</description></interface></interfaces>";

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

    private NetconfSession open(boolean base11) throws Exception {
        server = SimulatedNetconfServer.builder("r1").base11(base11).runningConfig(SYSTEM + INTERFACES)
                .timerSecond(Duration.ofMillis(20)).build().start();
        return NetconfHosts.open(plugin, directory, server).session();
    }

    @ParameterizedTest(name = "base:1.1 advertised: {0}")
    @ValueSource(booleans = {true, false})
    void helloSettlesTheFramingAndListsTheCapabilities(boolean base11) throws Exception {
        NetconfSession session = open(base11);
        session.get(null); // a round trip: the server has read the client's hello

        assertThat(session.framing()).isEqualTo(base11 ? Framing.CHUNKED : Framing.END_OF_MESSAGE);
        assertThat(server.chunkedSessions()).containsExactly(base11);
        assertThat(session.sessionId()).isEqualTo("1");
        assertThat(session.hasCapability("urn:ietf:params:netconf:capability:candidate:1.0")).isTrue();
        assertThat(session.capabilities()).contains(NetconfSession.BASE_1_0);
    }

    @ParameterizedTest(name = "base:1.1 advertised: {0}")
    @ValueSource(booleans = {true, false})
    void getAndGetConfigReturnTheDataWithOrWithoutASubtreeFilter(boolean base11) throws Exception {
        NetconfSession session = open(base11);

        assertThat(session.getConfig(Datastore.RUNNING, null)).contains("<hostname>r1</hostname>", "ge-0/0/0");
        String filtered = session.getConfig(Datastore.RUNNING, "<interfaces xmlns=\"urn:example:if\"/>");
        assertThat(filtered).contains("ge-0/0/0").doesNotContain("hostname");
        String contentMatch = session.get("<interfaces xmlns=\"urn:example:if\"><interface><name>ge-0/0/9</name>"
                + "</interface></interfaces>");
        assertThat(contentMatch).isBlank();
        assertThat(session.get(null)).contains("<hostname>r1</hostname>");
        assertThat(server.operations()).containsExactly("get-config", "get-config", "get", "get");
    }

    @ParameterizedTest(name = "base:1.1 advertised: {0}")
    @ValueSource(booleans = {true, false})
    void editConfigMergesIntoTheCandidateAndCommitMakesItRunning(boolean base11) throws Exception {
        NetconfSession session = open(base11);

        session.lock(Datastore.CANDIDATE);
        assertThat(server.lockHolder("candidate")).contains(1);
        session.editConfig(Datastore.CANDIDATE, "<system xmlns=\"urn:example:system\"><hostname>r1-new</hostname>"
                + "<ntp><server><name>192.0.2.2</name></server></ntp></system>");
        assertThat(server.candidate()).contains("<hostname>r1-new</hostname>", "192.0.2.1", "192.0.2.2");
        assertThat(server.running()).contains("<hostname>r1</hostname>").doesNotContain("192.0.2.2");
        session.validate(Datastore.CANDIDATE);
        session.commit();
        session.unlock(Datastore.CANDIDATE);

        assertThat(server.running()).contains("<hostname>r1-new</hostname>", "192.0.2.1", "192.0.2.2");
        assertThat(server.lockHolder("candidate")).isEmpty();
        assertThat(server.operations()).containsExactly("lock", "edit-config", "validate", "commit", "unlock");
    }

    @ParameterizedTest(name = "base:1.1 advertised: {0}")
    @ValueSource(booleans = {true, false})
    void perNodeOperationsDeleteAndReplaceAndDefaultOperationsApply(boolean base11) throws Exception {
        NetconfSession session = open(base11);

        session.editConfig(Datastore.CANDIDATE, "<system xmlns=\"urn:example:system\""
                + " xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><ntp><server nc:operation=\"delete\">"
                + "<name>192.0.2.1</name></server></ntp></system>", DefaultOperation.NONE);
        assertThat(server.candidate()).doesNotContain("192.0.2.1").contains("<hostname>r1</hostname>", "ge-0/0/0");

        session.editConfig(Datastore.CANDIDATE, "<interfaces xmlns=\"urn:example:if\""
                + " xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><interface nc:operation=\"replace\">"
                + "<name>ge-0/0/0</name><mtu>9000</mtu></interface></interfaces>");
        assertThat(server.candidate()).contains("<mtu>9000</mtu>").doesNotContain("uplink");

        session.editConfig(Datastore.CANDIDATE, SYSTEM, DefaultOperation.REPLACE);
        assertThat(server.candidate()).contains("192.0.2.1").doesNotContain("interfaces");

        session.discardChanges();
        assertThat(server.candidate()).isEqualTo(server.running());
        assertThat(server.running()).contains("uplink", "192.0.2.1");
    }

    @ParameterizedTest(name = "base:1.1 advertised: {0}")
    @ValueSource(booleans = {true, false})
    void aSecondSessionIsDeniedTheLockWithTheHoldersSessionId(boolean base11) throws Exception {
        NetconfSession first = open(base11);
        first.lock(Datastore.RUNNING);
        NetconfConnectionPlugin other = new NetconfConnectionPlugin();
        try {
            NetconfSession second = NetconfHosts.open(other, directory, server).session();

            assertThatThrownBy(() -> second.lock(Datastore.RUNNING)).isInstanceOfSatisfying(NetconfRpcException.class,
                    e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
                        assertThat(e.operation()).isEqualTo("lock");
                        assertThat(e.tag()).isEqualTo("lock-denied");
                        assertThat(e.errors().get(0).info()).contains("<session-id>1</session-id>");
                        assertThat(e.getMessage()).contains("protocol/lock-denied (error)", "locked by session 1");
                    });
            assertThatThrownBy(() -> second.editConfig(Datastore.RUNNING, SYSTEM))
                    .isInstanceOfSatisfying(NetconfRpcException.class, e -> assertThat(e.tag()).isEqualTo("in-use"));

            first.closeSession();
            assertThat(server.awaitOpenSessions(1, Duration.ofSeconds(10))).isTrue();
            second.lock(Datastore.RUNNING); // closing a session releases its locks
            assertThat(server.lockHolder("running")).contains(2);
        } finally {
            other.close();
        }
    }

    @ParameterizedTest(name = "base:1.1 advertised: {0}")
    @ValueSource(booleans = {true, false})
    void aConfirmedCommitThatIsNotConfirmedRollsBackWhenTheTimerRunsOut(boolean base11) throws Exception {
        NetconfSession session = open(base11);
        session.editConfig(Datastore.CANDIDATE, "<system xmlns=\"urn:example:system\"><hostname>r1-new</hostname></system>");

        session.confirmedCommit(Duration.ofSeconds(5), null); // 5 device seconds of 20 ms

        assertThat(server.running()).contains("r1-new");
        assertThat(server.awaitRollbacks(1, Duration.ofSeconds(20))).isTrue();
        assertThat(server.running()).contains("<hostname>r1</hostname>").doesNotContain("r1-new");
        assertThat(server.candidate()).isEqualTo(server.running());
    }

    @ParameterizedTest(name = "base:1.1 advertised: {0}")
    @ValueSource(booleans = {true, false})
    void aConfirmingCommitKeepsTheChange(boolean base11) throws Exception {
        NetconfSession session = open(base11);
        session.editConfig(Datastore.CANDIDATE, "<system xmlns=\"urn:example:system\"><hostname>r1-new</hostname></system>");

        session.confirmedCommit(Duration.ofSeconds(600), null);
        assertThat(server.confirmedCommitPending()).isTrue();
        session.commit();

        assertThat(server.confirmedCommitPending()).isFalse();
        assertThat(server.rollbacks()).isZero();
        assertThat(server.running()).contains("r1-new");
    }

    @Test
    void aPersistentConfirmedCommitIsConfirmedFromAnotherSessionByItsPersistId() throws Exception {
        NetconfSession session = open(true);
        session.editConfig(Datastore.CANDIDATE, "<system xmlns=\"urn:example:system\"><hostname>r1-new</hostname></system>");
        session.confirmedCommit(Duration.ofSeconds(600), "change-42");
        session.closeSession();
        assertThat(server.awaitOpenSessions(0, Duration.ofSeconds(10))).isTrue();
        assertThat(server.rollbacks()).as("persist keeps the commit past its session").isZero();

        NetconfConnectionPlugin other = new NetconfConnectionPlugin();
        try {
            NetconfSession second = NetconfHosts.open(other, directory, server).session();
            assertThatThrownBy(() -> second.confirmCommit("wrong-id")).isInstanceOf(NetconfRpcException.class);
            second.confirmCommit("change-42");
        } finally {
            other.close();
        }
        assertThat(server.confirmedCommitPending()).isFalse();
        assertThat(server.running()).contains("r1-new");
    }

    @Test
    void aConfirmedCommitWithoutPersistRollsBackWhenItsSessionEndsAndCancelCommitRollsBackAtOnce() throws Exception {
        NetconfSession session = open(true);
        session.editConfig(Datastore.CANDIDATE, "<system xmlns=\"urn:example:system\"><hostname>r1-a</hostname></system>");
        session.confirmedCommit(Duration.ofSeconds(600), null);
        session.cancelCommit(null);
        assertThat(server.rollbacks()).isEqualTo(1);
        assertThat(server.running()).contains("<hostname>r1</hostname>");

        session.editConfig(Datastore.CANDIDATE, "<system xmlns=\"urn:example:system\"><hostname>r1-b</hostname></system>");
        session.confirmedCommit(Duration.ofSeconds(600), null);
        session.closeSession();
        assertThat(server.awaitRollbacks(2, Duration.ofSeconds(10))).isTrue();
        assertThat(server.running()).contains("<hostname>r1</hostname>");
    }

    @Test
    void closeSessionEndsTheSessionAndLaterCallsFailWithConnection() throws Exception {
        NetconfSession session = open(true);
        session.closeSession();

        assertThat(server.awaitOpenSessions(0, Duration.ofSeconds(10))).isTrue();
        assertThatThrownBy(() -> session.get(null)).isInstanceOfSatisfying(ConnectionException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION));
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void anyOperationGoesThroughRpcAndAnUnknownOneIsAnRpcError() throws Exception {
        NetconfSession session = open(true);

        assertThat(session.rpc("<get-config><source><running/></source></get-config>")).contains("<hostname>r1</hostname>");
        assertThatThrownBy(() -> session.rpc("<get-schema xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\">"
                + "<identifier>x</identifier></get-schema>")).isInstanceOfSatisfying(NetconfRpcException.class,
                        e -> assertThat(e.tag()).isEqualTo("operation-not-supported"));
        assertThatThrownBy(() -> session.editConfig(Datastore.CANDIDATE, "<system><unclosed></system>"))
                .isInstanceOfSatisfying(ConnectionException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.VALIDATION));
        assertThat(server.operations()).containsExactly("get-config", "get-schema");
    }

    @Test
    void requestsFromSeveralThreadsEachGetTheirOwnReply() throws Exception {
        NetconfSession session = open(true);
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 8; i++) {
            String filter = i % 2 == 0 ? "<interfaces xmlns=\"urn:example:if\"/>" : "<system xmlns=\"urn:example:system\"/>";
            String expected = i % 2 == 0 ? "ge-0/0/0" : "<hostname>r1</hostname>";
            Thread thread = new Thread(() -> {
                try {
                    for (int j = 0; j < 10; j++) {
                        assertThat(session.getConfig(Datastore.RUNNING, filter)).contains(expected);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        assertThat(failures).isEmpty();
        assertThat(server.operations()).hasSize(80);
    }
}
