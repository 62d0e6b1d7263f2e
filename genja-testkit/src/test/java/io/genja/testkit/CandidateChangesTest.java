package io.genja.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Simulated IOS-XR and Junos devices: lines go to a candidate, commit applies it, a commit-confirmed rolls back on
 * its own (scaled) timer unless confirmed. Driven through a plain MINA shell; the state is read from the device.
 */
@Timeout(60)
class CandidateChangesTest {

    /** One device second lasts 10 ms: XR's "commit confirmed 30" rolls back after 300 ms. */
    private static final Duration TEN_MS = Duration.ofMillis(10);

    @Test
    void xrCommitsTheCandidateAndShowsItsDiffFirst() throws Exception {
        try (SimulatedDevice xr = SimulatedDevice.builder("xr1").platform("iosxr").build().start();
             TestShell shell = new TestShell(xr)) {
            assertThat(shell.prompt()).isEqualTo("RP/0/RSP0/CPU0:xr1#");
            String before = xr.runningConfig();
            assertThat(shell.send("configure terminal")).isEqualTo("RP/0/RSP0/CPU0:xr1(config)#");
            assertThat(shell.send("ntp")).isEqualTo("RP/0/RSP0/CPU0:xr1(config-ntp)#");
            shell.send("server 10.0.0.2");
            shell.send("exit");
            shell.send("interface GigabitEthernet0/0/0/1");
            shell.send("no shutdown");
            shell.send("description spare");
            assertThat(xr.runningConfig()).isEqualTo(before);
            assertThat(xr.candidateConfig()).get().asString().contains(" server 10.0.0.2\n");
            assertThat(shell.output("show commit changes diff")).isEqualTo("""
                    Building configuration...
                    !! IOS XR Configuration 7.3.2
                     ntp
                    +  server 10.0.0.2
                     interface GigabitEthernet0/0/0/1
                    -  shutdown
                    +  description spare
                    end
                    """);
            assertThat(shell.output("show configuration merge")).startsWith("Building configuration...\n")
                    .contains("interface GigabitEthernet0/0/0/1\n description spare\n!\n");
            assertThat(shell.send("commit")).isEqualTo("RP/0/RSP0/CPU0:xr1(config-if)#");
            assertThat(xr.runningConfig()).contains("ntp\n server 10.0.0.1\n server 10.0.0.2\n!")
                    .contains("interface GigabitEthernet0/0/0/1\n description spare\n!");
            assertThat(shell.output("commit")).isEqualTo("% No configuration changes to commit.\n");
            assertThat(xr.commitHistory()).extracting(Commit::command, Commit::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("commit", Commit.Status.COMMITTED));
            assertThat(shell.send("end")).isEqualTo("RP/0/RSP0/CPU0:xr1#");
            assertThat(xr.startupConfig()).contains("server 10.0.0.2");

            // rollback configuration last 1 undoes that commit
            assertThat(shell.output("rollback configuration last 1"))
                    .contains("Configuration successfully rolled back 1 commits.");
            assertThat(xr.runningConfig()).isEqualTo(before);
            assertThat(xr.rollbacks()).extracting(Rollback::cause).containsExactly(Rollback.Cause.COMMAND);
            assertThat(xr.commitHistory().get(0).status()).isEqualTo(Commit.Status.ROLLED_BACK);
            assertThat(shell.output("rollback configuration last 1")).contains("% Invalid input detected");
        }
    }

    @Test
    void xrEndWithUncommittedChangesAsksAndAbortDiscards() throws Exception {
        try (SimulatedDevice xr = SimulatedDevice.builder("xr1").platform("iosxr").build().start();
             TestShell shell = new TestShell(xr)) {
            String before = xr.runningConfig();
            shell.send("configure terminal");
            shell.send("hostname xr1-new");
            assertThat(shell.send("end"))
                    .isEqualTo("Uncommitted changes found, commit them before exiting(yes/no/cancel)? [cancel]:");
            assertThat(shell.send("cancel")).isEqualTo("RP/0/RSP0/CPU0:xr1(config)#");
            shell.send("end");
            assertThat(shell.send("no")).isEqualTo("RP/0/RSP0/CPU0:xr1#");
            assertThat(xr.candidateConfig()).isEmpty();
            shell.send("configure terminal");
            shell.send("hostname xr1-new");
            assertThat(shell.output("frobnicate")).contains("% Invalid input detected at '^' marker.");
            assertThat(shell.send("abort")).isEqualTo("RP/0/RSP0/CPU0:xr1#");
            shell.send("configure terminal");
            shell.send("hostname xr1-new");
            shell.send("end");
            shell.send("yes");
            assertThat(xr.runningConfig()).contains("hostname xr1-new").doesNotContain("hostname xr1\n");
            assertThat(before).contains("hostname xr1\n");
        }
    }

    @Test
    void xrCommitConfirmedRollsBackOnItsTimerUnlessConfirmed() throws Exception {
        try (SimulatedDevice xr = SimulatedDevice.builder("xr1").platform("iosxr").timerSecond(TEN_MS).build().start();
             TestShell shell = new TestShell(xr)) {
            String before = xr.runningConfig();
            shell.send("configure terminal");
            shell.send("hostname confirmed");
            shell.send("commit confirmed 600"); // 6 s: time enough to confirm on a busy machine
            assertThat(xr.runningConfig()).contains("hostname confirmed");
            assertThat(xr.commitHistory().get(0).status()).isEqualTo(Commit.Status.AWAITING_CONFIRMATION);
            shell.send("commit"); // the confirmation
            assertThat(xr.commitHistory().get(0).status()).isEqualTo(Commit.Status.CONFIRMED);

            shell.send("hostname forgotten");
            shell.send("commit confirmed 30");
            await(() -> !xr.rollbacks().isEmpty());
            assertThat(xr.rollbacks()).extracting(Rollback::cause, Rollback::command)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Rollback.Cause.TIMER, "commit confirmed 30"));
            assertThat(xr.runningConfig()).contains("hostname confirmed").doesNotContain("forgotten");
            assertThat(xr.commitHistory()).extracting(Commit::status)
                    .containsExactly(Commit.Status.CONFIRMED, Commit.Status.ROLLED_BACK);
            assertThat(before).doesNotContain("hostname confirmed");
        }
    }

    @Test
    void aSessionDroppedDuringACommitConfirmedLeavesTheTimerToRollBack() throws Exception {
        try (SimulatedDevice xr = SimulatedDevice.builder("xr1").platform("iosxr").timerSecond(TEN_MS).dropOnCommit()
                .build().start();
             TestShell shell = new TestShell(xr)) {
            String before = xr.runningConfig();
            shell.send("configure terminal");
            shell.send("hostname dropped");
            shell.sendAndExpectDrop("commit confirmed 30");
            assertThat(xr.commitHistory()).hasSize(1);
            await(() -> !xr.rollbacks().isEmpty());
            assertThat(xr.runningConfig()).isEqualTo(before);
        }
    }

    @Test
    void junosSetDeleteCompareCommitAndDisplaySet() throws Exception {
        try (SimulatedDevice mx = SimulatedDevice.builder("mx1").platform("junos").build().start();
             TestShell shell = new TestShell(mx)) {
            assertThat(shell.prompt()).isEqualTo("admin@mx1> ");
            String before = mx.runningConfig();
            assertThat(before).startsWith("## Last commit: ").contains("    host-name mx1;\n");
            assertThat(shell.send("configure private")).isEqualTo("""
                    warning: uncommitted changes will be discarded on exit
                    Entering configuration mode

                    [edit]
                    """ + "admin@mx1# ");
            assertThat(mx.shellLevels()).containsExactly(ShellLevel.CONFIG);
            shell.send("set system host-name mx1-new");
            shell.send("set system ntp server 10.0.0.2");
            shell.send("set interfaces xe-0/1/1 unit 0 family inet address 10.9.0.1/30");
            shell.send("delete routing-options");
            assertThat(shell.output("delete system syslog")).isEqualTo("warning: statement not found\n\n[edit]\n");
            assertThat(shell.output("set bogus thing")).isEqualTo(" ".repeat("admin@mx1# set ".length())
                    + "^\nsyntax error.\n\n[edit]\n");
            assertThat(mx.runningConfig()).isEqualTo(before);
            assertThat(shell.output("show | compare")).isEqualTo("""
                    [edit]
                    -   routing-options {
                    -       static {
                    -           route 0.0.0.0/0 next-hop 10.1.0.2;
                    -       }
                    -   }
                    [edit system]
                    -   host-name mx1;
                    +   host-name mx1-new;
                    [edit system ntp]
                    +   server 10.0.0.2;
                    [edit interfaces]
                    +   xe-0/1/1 {
                    +       unit 0 {
                    +           family inet {
                    +               address 10.9.0.1/30;
                    +           }
                    +       }
                    +   }

                    [edit]
                    """.replace("10.1.0.2", "10." + seed("mx1") + ".0.2"));
            assertThat(shell.output("commit check")).startsWith("configuration check succeeds\n");
            assertThat(mx.runningConfig()).isEqualTo(before);
            assertThat(shell.output("commit")).startsWith("commit complete\n");
            assertThat(mx.runningConfig()).contains("    host-name mx1-new;\n").doesNotContain("routing-options")
                    .contains("""
                        xe-0/1/1 {
                            unit 0 {
                                family inet {
                                    address 10.9.0.1/30;
                                }
                            }
                        }
                    """);
            assertThat(shell.send("exit configuration-mode")).isEqualTo("Exiting configuration mode\nadmin@mx1> ");
            assertThat(shell.output("show configuration | display set"))
                    .contains("set system host-name mx1-new\n")
                    .contains("set interfaces xe-0/1/1 unit 0 family inet address 10.9.0.1/30\n")
                    .contains("set system ntp server 10.0.0.2\n");
        }
    }

    @Test
    void junosRollbackZeroDiscardsAndCommitConfirmedRollsBackUnlessConfirmedByCommitCheck() throws Exception {
        try (SimulatedDevice mx = SimulatedDevice.builder("mx1").platform("junos").timerSecond(TEN_MS).build().start();
             TestShell shell = new TestShell(mx)) {
            String before = mx.runningConfig();
            shell.send("configure private");
            shell.send("set system host-name private");
            assertThat(shell.output("commit confirmed 10"))
                    .startsWith("error: commit confirmed not supported for private configuration\n");
            assertThat(mx.runningConfig()).isEqualTo(before);
            shell.send("rollback 0");
            shell.send("exit");
            assertThat(shell.send("configure exclusive")).endsWith("[edit]\nadmin@mx1# ");
            shell.send("set system host-name discarded");
            assertThat(shell.output("rollback 0")).startsWith("load complete\n");
            assertThat(shell.output("show | compare")).isEqualTo("\n[edit]\n");
            shell.send("set system host-name kept");
            assertThat(shell.output("commit confirmed 10")).startsWith(
                    "commit confirmed will be automatically rolled back in 10 minutes unless confirmed\ncommit complete\n");
            shell.output("commit check");
            assertThat(mx.commitHistory()).extracting(Commit::status).containsExactly(Commit.Status.CONFIRMED);
            shell.send("set system host-name forgotten");
            shell.send("commit confirmed 1"); // 60 device seconds: 600 ms
            assertThat(mx.runningConfig()).contains("host-name forgotten;");
            await(() -> !mx.rollbacks().isEmpty());
            assertThat(mx.runningConfig()).contains("host-name kept;");
            // rollback N loads an earlier configuration into the candidate: 1 is the one the timer undid, 3 the first
            shell.send("rollback 1");
            assertThat(shell.output("show | compare")).contains("+   host-name forgotten;");
            shell.send("rollback 3");
            assertThat(shell.output("show | compare")).contains("+   host-name mx1;");
            shell.send("set system location building-7");
            assertThat(shell.send("exit")).isEqualTo("The configuration has been changed but not committed\n"
                    + "warning: Auto rollback on exiting 'configure exclusive'\n"
                    + "Discard uncommitted changes? [yes,no] (yes) ");
            assertThat(shell.send("yes")).isEqualTo("warning: discarding uncommitted changes\nload complete\n"
                    + "Exiting configuration mode\nadmin@mx1> ");
            assertThat(mx.candidateConfig()).isEmpty();
            assertThat(before).contains("host-name mx1;");
        }
    }

    static String seed(String host) {
        return String.valueOf(Math.floorMod(host.hashCode(), 250) + 1);
    }

    /** Waits (bounded) for a device timer's effect. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the device's timer did not fire within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
