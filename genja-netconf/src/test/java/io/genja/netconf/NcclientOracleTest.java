package io.genja.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genja.testkit.netconf.SimulatedNetconfServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulated NETCONF server held to a real client: Debian's python3-ncclient (over paramiko) says hello, reads,
 * edits, locks, commits and commits confirmed against it, in chunked framing (both advertise base:1.1) and in
 * end-of-message framing (the server advertises only base:1.0). So the server our client is tested against speaks
 * the protocol as implementations do. Skipped, saying why, where no Python can import ncclient.
 */
@Timeout(120)
class NcclientOracleTest {

    private static final String SCRIPT = """
            import sys
            from ncclient import manager
            from ncclient.operations import RPCError
            from ncclient.transport.session import NetconfBase

            port = int(sys.argv[1])

            def connect():
                return manager.connect(host="127.0.0.1", port=port, username="admin", password="admin",
                                       hostkey_verify=False, look_for_keys=False, allow_agent=False, timeout=30)

            def config(hostname):
                return ('<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">'
                        '<system xmlns="urn:example:system"><hostname>%s</hostname></system></config>' % hostname)

            m = connect()
            print("session-id=%s" % m.session_id)
            print("base=%s" % ("1.1" if m._session._base == NetconfBase.BASE_11 else "1.0"))
            print("candidate=%s" % (":candidate" in m.server_capabilities))
            data = m.get_config(source="running").data_xml
            print("get-config-has-hostname=%s" % ("<hostname>r1</hostname>" in data))
            filtered = m.get_config(source="running", filter=("subtree",
                '<interfaces xmlns="urn:example:if"/>')).data_xml
            print("filter-keeps-interfaces=%s" % ("ge-0/0/0" in filtered and "hostname" not in filtered))

            m.lock(target="candidate")
            other = connect()
            try:
                other.lock(target="candidate")
                print("lock-denied=none")
            except RPCError as e:
                print("lock-denied=%s" % e.tag)
            other.close_session()
            m.edit_config(target="candidate", config=config("from-ncclient"))
            m.validate(source="candidate")
            m.commit()
            m.unlock(target="candidate")
            print("committed=ok")

            m.edit_config(target="candidate", config=config("confirmed"))
            m.commit(confirmed=True, timeout="600")
            m.commit()
            print("confirmed=ok")

            m.edit_config(target="candidate", config=config("never-confirmed"))
            m.commit(confirmed=True, timeout="3", persist="oracle")
            print("unconfirmed=sent")
            m.close_session()
            print("closed=ok")
            """;

    private static String python;
    private SimulatedNetconfServer server;

    @TempDir
    Path directory;

    @BeforeAll
    static void findPython() {
        python = pythonWithNcclient().orElse(null);
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    /** The first of /usr/bin/python3 and python3 that can import ncclient. */
    static Optional<String> pythonWithNcclient() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process check = new ProcessBuilder(candidate, "-c", "import ncclient").redirectErrorStream(true).start();
                check.getInputStream().readAllBytes();
                if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return Optional.of(candidate);
                }
                check.destroyForcibly();
            } catch (IOException e) {
                // not installed: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @ParameterizedTest(name = "base:1.1 advertised: {0}")
    @ValueSource(booleans = {true, false})
    void ncclientSpeaksWithTheSimulatedServer(boolean base11) throws Exception {
        assumeTrue(python != null, "no Python that can import ncclient (apt-get install python3-ncclient); "
                + "the simulated NETCONF server is not held to the real client in this run");
        server = SimulatedNetconfServer.builder("r1").base11(base11).timerSecond(Duration.ofMillis(50))
                .runningConfig(NetconfSessionTest.SYSTEM + NetconfSessionTest.INTERFACES).build().start();
        Path script = Files.writeString(directory.resolve("oracle.py"), SCRIPT);

        Process process = new ProcessBuilder(python, script.toString(), String.valueOf(server.port()))
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("ncclient finished in time").isTrue();
        String printed = new String(output, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as("ncclient's output:%n%s", printed).isZero();
        assertThat(printed.lines().toList()).as(printed).contains(
                "session-id=1",
                "base=" + (base11 ? "1.1" : "1.0"),
                "candidate=True",
                "get-config-has-hostname=True",
                "filter-keeps-interfaces=True",
                "lock-denied=lock-denied",
                "committed=ok",
                "confirmed=ok",
                "unconfirmed=sent",
                "closed=ok");
        assertThat(server.chunkedSessions()).containsExactly(base11, base11);
        // the confirmed commit with persist outlives the session, then its timer (3 device seconds) rolls it back
        assertThat(server.awaitRollbacks(1, Duration.ofSeconds(30))).isTrue();
        assertThat(server.running()).contains("<hostname>confirmed</hostname>").doesNotContain("never-confirmed");
        assertThat(server.operations()).containsSubsequence("get-config", "lock", "lock", "close-session",
                "edit-config", "validate", "commit", "unlock", "edit-config", "commit", "commit", "edit-config",
                "commit", "close-session");
    }
}
