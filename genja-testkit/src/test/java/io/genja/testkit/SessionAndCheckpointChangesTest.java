package io.genja.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Simulated EOS (named configuration sessions, commit timer) and NX-OS (lines take effect, checkpoints are the way
 * back) devices, driven through a plain MINA shell; the state is read from the device.
 */
@Timeout(60)
class SessionAndCheckpointChangesTest {

    private static final String EOS_CONFIG = """
            hostname leaf1
            !
            ntp server 10.0.0.1
            !
            interface Ethernet1
               description uplink
               switchport mode trunk
            !
            end
            """;

    @Test
    void eosSessionShowsItsDiffsAndCommitsOrAborts() throws Exception {
        try (SimulatedDevice eos = SimulatedDevice.builder("leaf1").platform("eos").runningConfig(EOS_CONFIG)
                .enableSecret("s3cret").build().start();
             TestShell shell = new TestShell(eos)) {
            assertThat(shell.prompt()).isEqualTo("leaf1>");
            shell.send("enable");
            assertThat(shell.send("s3cret")).isEqualTo("leaf1#");
            assertThat(shell.send("configure session genja-1")).isEqualTo("leaf1(config-s-genja-1)#");
            assertThat(shell.send("interface Ethernet1")).isEqualTo("leaf1(config-s-genja-1-if)#");
            shell.send("description to spine1");
            shell.send("exit");
            shell.send("ntp server 10.0.0.2");
            assertThat(shell.output("frobnicate")).isEqualTo("% Invalid input\n");
            assertThat(eos.runningConfig()).isEqualTo(EOS_CONFIG);
            assertThat(shell.output("show session-config diffs")).isEqualTo("""
                    --- system:/running-config
                    +++ session:/genja-1-session-config
                    +ntp server 10.0.0.2
                     interface Ethernet1
                    -  description uplink
                    +  description to spine1
                    """);
            assertThat(shell.output("show session-config")).contains("   description to spine1\n");
            assertThat(shell.send("commit")).isEqualTo("leaf1#");
            assertThat(eos.runningConfig()).isEqualTo("""
                    hostname leaf1
                    !
                    ntp server 10.0.0.1
                    ntp server 10.0.0.2
                    !
                    interface Ethernet1
                       description to spine1
                       switchport mode trunk
                    !
                    end
                    """);
            shell.send("configure session genja-2");
            shell.send("hostname never");
            assertThat(shell.send("abort")).isEqualTo("leaf1#");
            assertThat(eos.runningConfig()).contains("hostname leaf1");
            assertThat(eos.candidateConfig()).isEmpty();
            // configure terminal changes the running configuration line by line
            shell.send("configure terminal");
            shell.send("no ntp server 10.0.0.1");
            shell.send("end");
            assertThat(eos.runningConfig()).doesNotContain("10.0.0.1");
            assertThat(shell.output("write memory")).isEqualTo("Copy completed successfully.\n");
            assertThat(eos.startupConfig()).isEqualTo(eos.runningConfig());
        }
    }

    @Test
    void eosCommitTimerRollsBackUnlessTheSessionIsCommittedAgain() throws Exception {
        try (SimulatedDevice eos = SimulatedDevice.builder("leaf1").platform("eos").runningConfig(EOS_CONFIG)
                .timerSecond(Duration.ofMillis(10)).build().start();
             TestShell shell = new TestShell(eos)) {
            shell.send("configure session kept");
            shell.send("hostname kept");
            assertThat(shell.send("commit timer 00:10:00")).isEqualTo("leaf1#"); // 6 s
            assertThat(eos.runningConfig()).contains("hostname kept");
            shell.send("configure session kept commit");
            assertThat(eos.commitHistory()).extracting(Commit::status).containsExactly(Commit.Status.CONFIRMED);
            shell.send("configure session lost");
            shell.send("hostname lost");
            shell.send("commit timer 00:00:30");
            CandidateChangesTest.await(() -> !eos.rollbacks().isEmpty());
            assertThat(eos.runningConfig()).contains("hostname kept").doesNotContain("lost");
        }
    }

    @Test
    void nxosCheckpointThenRollBackToIt() throws Exception {
        try (SimulatedDevice nxos = SimulatedDevice.builder("n9k1").platform("nxos").build().start();
             TestShell shell = new TestShell(nxos)) {
            String before = nxos.runningConfig();
            assertThat(before).contains("interface Ethernet1/1\n  description uplink\n");
            assertThat(shell.output("checkpoint genja-1")).isEqualTo("Done\n");
            assertThat(nxos.checkpoints()).containsExactly("genja-1");
            assertThat(shell.send("configure terminal"))
                    .isEqualTo("Enter configuration commands, one per line. End with CNTL/Z.\nn9k1(config)#");
            shell.send("interface Ethernet1/1");
            shell.send("description changed");
            shell.send("exit");
            shell.send("ntp server 10.0.0.2 use-vrf management");
            assertThat(shell.output("bogus")).isEqualTo(" ".repeat("n9k1(config)#".length())
                    + "^\n% Invalid command at '^' marker.\n");
            shell.send("end");
            assertThat(nxos.runningConfig()).contains("  description changed\n")
                    .contains("ntp server 10.0.0.1 use-vrf management\nntp server 10.0.0.2 use-vrf management\n");
            assertThat(shell.output("show diff rollback-patch checkpoint genja-1 running-config")).isEqualTo("""
                    #Generating Rollback Patch
                    +ntp server 10.0.0.2 use-vrf management
                     interface Ethernet1/1
                    -  description uplink
                    +  description changed
                    """);
            assertThat(shell.output("rollback running-config checkpoint genja-1"))
                    .endsWith("Rollback completed successfully.\n");
            assertThat(nxos.runningConfig()).isEqualTo(before);
            assertThat(nxos.rollbacks()).extracting(Rollback::cause).containsExactly(Rollback.Cause.CHECKPOINT);
            assertThat(shell.output("rollback running-config checkpoint nope")).contains("% Invalid command");
            assertThat(shell.send("reload")).isEqualTo("This command will reboot the system. (y/n)?  [n] ");
            assertThat(shell.send("")).isEqualTo("n9k1#");
            assertThat(shell.output("copy running-config startup-config")).endsWith("Copy complete.\n");
        }
    }
}
