package io.genja.netconf;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskFailure;
import io.genja.task.TaskResults;
import io.genja.task.TaskSuccess;
import io.genja.testkit.netconf.NetconfFault;
import io.genja.testkit.netconf.SimulatedNetconfServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in tasks netconf_get_config and netconf_edit_config, run by a Genja that discovers the netconf plugin and
 * the tasks on the class path, against simulated servers; asserting the servers' datastores.
 */
@Timeout(60)
class NetconfTasksTest {

    private static final String NEW_HOSTNAME = "<system xmlns=\"urn:example:system\"><hostname>r1-new</hostname></system>";

    @TempDir
    Path directory;

    private SimulatedNetconfServer r1;
    private SimulatedNetconfServer r2;

    @AfterEach
    void close() {
        for (SimulatedNetconfServer server : new SimulatedNetconfServer[] {r1, r2}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private Genja genja(SimulatedNetconfServer.Builder... builders) throws Exception {
        r1 = builders[0].runningConfig(NetconfSessionTest.SYSTEM + NetconfSessionTest.INTERFACES).build().start();
        if (builders.length == 1) {
            return Genja.builder(NetconfHosts.inventory(directory, r1)).build();
        }
        r2 = builders[1].runningConfig(NetconfSessionTest.SYSTEM).build().start();
        return Genja.builder(NetconfHosts.inventory(directory, r1, r2)).build();
    }

    private static TaskSuccess success(TaskResults results, String host) {
        HostTaskResult result = results.hostResult(host);
        assertThat(result.isPassed()).as("%s", result).isTrue();
        return ((HostTaskResult.Passed) result).success();
    }

    private static TaskFailure failure(TaskResults results, String host) {
        HostTaskResult result = results.hostResult(host);
        assertThat(result.isFailed()).as("%s", result).isTrue();
        return ((HostTaskResult.Failed) result).failure();
    }

    @Test
    void getConfigReadsTheRunningConfigurationOrWritesItToAFile() throws Exception {
        try (Genja genja = genja(SimulatedNetconfServer.builder("r1"), SimulatedNetconfServer.builder("r2"))) {
            TaskResults results = genja.run("netconf_get_config",
                    RunOptions.defaults().option("filter", "<system xmlns=\"urn:example:system\"/>"));
            assertThat((String) success(results, "r1").result()).contains("<hostname>r1</hostname>")
                    .doesNotContain("interfaces");

            TaskResults written = genja.run("netconf_get_config", RunOptions.defaults()
                    .option("directory", directory.resolve("backups").toString()).option("source", "candidate"));
            assertThat(success(written, "r2").summary()).contains("written to");
            assertThat(Files.readString(directory.resolve("backups/r2.candidate.xml"))).contains("192.0.2.1");
        }
    }

    @Test
    void editConfigCommitsTheChangeWithItsDiffAndASecondRunChangesNothing() throws Exception {
        try (Genja genja = genja(SimulatedNetconfServer.builder("r1"))) {
            TaskResults first = genja.run("netconf_edit_config", RunOptions.defaults().option("config", NEW_HOSTNAME));

            TaskSuccess changed = success(first, "r1");
            assertThat(changed.changed()).isTrue();
            assertThat(changed.diff()).contains("-  <hostname>r1</hostname>", "+  <hostname>r1-new</hostname>");
            assertThat(changed.summary()).isEqualTo("committed");
            assertThat(r1.running()).contains("r1-new");
            assertThat(r1.lockHolder("candidate")).isEmpty();
            assertThat(r1.operations()).containsExactly("lock", "get-config", "edit-config", "get-config", "validate",
                    "commit", "unlock");

            TaskSuccess again = success(genja.run("netconf_edit_config",
                    RunOptions.defaults().option("config", NEW_HOSTNAME)), "r1");
            assertThat(again.changed()).isFalse();
            assertThat(r1.operations()).endsWith("discard-changes", "unlock");
        }
    }

    @Test
    void aDryRunEditsTheCandidateReportsTheDiffAndDiscardsIt() throws Exception {
        try (Genja genja = genja(SimulatedNetconfServer.builder("r1"))) {
            String running = r1.running();
            TaskResults results = genja.run("netconf_edit_config",
                    RunOptions.defaults().option("config", NEW_HOSTNAME).dryRun(true));

            TaskSuccess preview = success(results, "r1");
            assertThat(preview.changed()).isTrue();
            assertThat(preview.diff()).contains("+  <hostname>r1-new</hostname>");
            assertThat(preview.summary()).contains("dry run", "discarded");
            assertThat(r1.running()).isEqualTo(running);
            assertThat(r1.candidate()).isEqualTo(running);
            assertThat(r1.operations()).contains("edit-config", "discard-changes").doesNotContain("commit");
        }
    }

    @Test
    void aConfirmTimeoutCommitsConfirmedThenConfirms() throws Exception {
        try (Genja genja = genja(SimulatedNetconfServer.builder("r1").timerSecond(Duration.ofMillis(10)))) {
            TaskResults results = genja.run("netconf_edit_config", RunOptions.defaults()
                    .option("config", NEW_HOSTNAME).option("confirm_timeout", "60s"));

            assertThat(success(results, "r1").summary()).contains("confirmed commit of 60 s, confirmed");
            assertThat(r1.confirmedCommitPending()).isFalse();
            assertThat(r1.rollbacks()).isZero();
            assertThat(r1.running()).contains("r1-new");
        }
    }

    @Test
    void anRpcErrorFailsTheHostWithCommandAndDiscardsTheCandidate() throws Exception {
        try (Genja genja = genja(SimulatedNetconfServer.builder("r1").fault(NetconfFault.RPC_ERROR, "commit"),
                SimulatedNetconfServer.builder("r2"))) {
            TaskResults results = genja.run("netconf_edit_config", RunOptions.defaults().option("config", NEW_HOSTNAME));

            TaskFailure failed = failure(results, "r1");
            assertThat(failed.kind()).isEqualTo(FailureKind.COMMAND);
            assertThat(failed.message()).contains("<commit> failed", "operation-failed", "simulated failure");
            assertThat(failed.exceptionType()).isEqualTo(NetconfRpcException.class.getName());
            assertThat(r1.running()).doesNotContain("r1-new");
            assertThat(r1.candidate()).isEqualTo(r1.running());
            assertThat(r1.lockHolder("candidate")).as("unlocked after the failure").isEmpty();
            assertThat(r2.running()).contains("r1-new");
        }
    }

    @Test
    void aSessionDroppedDuringTheCommitFailsTheHostWithConnectionNotWithTheUnlockAfterIt() throws Exception {
        try (Genja genja = genja(SimulatedNetconfServer.builder("r1").fault(NetconfFault.DROP_MID_REPLY, "commit"))) {
            TaskResults results = genja.run("netconf_edit_config", RunOptions.defaults().option("config", NEW_HOSTNAME));

            TaskFailure failed = failure(results, "r1");
            assertThat(failed.kind()).isEqualTo(FailureKind.CONNECTION);
            assertThat(failed.message()).contains("closed the NETCONF session", "waiting for the reply to <commit>");
            assertThat(r1.awaitOpenSessions(0, Duration.ofSeconds(10))).isTrue();
            assertThat(r1.lockHolder("candidate")).as("the session's end released its lock").isEmpty();
        }
    }

    @Test
    void aLockedCandidateFailsTheHostWithLockDenied() throws Exception {
        try (Genja genja = genja(SimulatedNetconfServer.builder("r1"))) {
            NetconfConnectionPlugin other = new NetconfConnectionPlugin();
            try {
                NetconfHosts.open(other, directory, r1).session().lock(Datastore.CANDIDATE);
                TaskResults results = genja.run("netconf_edit_config",
                        RunOptions.defaults().option("config", NEW_HOSTNAME));

                assertThat(failure(results, "r1").message()).contains("lock-denied");
                assertThat(r1.operations()).doesNotContain("edit-config");
            } finally {
                other.close();
            }
        }
    }
}
