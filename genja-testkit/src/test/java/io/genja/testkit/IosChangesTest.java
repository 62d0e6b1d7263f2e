package io.genja.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A simulated IOS device whose configuration really changes, driven through a plain MINA shell. */
@Timeout(60)
class IosChangesTest {

    private static final String CONFIG = """
            Building configuration...

            Current configuration : 180 bytes
            !
            version 15.2
            no service pad
            !
            hostname r1
            !
            ntp server 10.0.0.1
            !
            interface GigabitEthernet1/0/1
             description access port 1
             switchport mode access
            !
            interface GigabitEthernet1/0/2
             description access port 2
            !
            end
            """;

    private static SimulatedDevice.Builder r1() {
        return SimulatedDevice.builder("r1").runningConfig(CONFIG);
    }

    @Test
    void anUntouchedConfigurationPrintsExactlyAsGivenWithItsSizeRecounted() {
        SimulatedDevice device = r1().build();
        String body = CONFIG.substring(CONFIG.indexOf("!\nversion"));
        assertThat(device.runningConfig()).isEqualTo("Building configuration...\n\nCurrent configuration : "
                + body.length() + " bytes\n" + body);
        assertThat(device.startupConfig()).isEqualTo("Using " + body.length() + " out of 524288 bytes\n" + body);
        SimulatedDevice generated = SimulatedDevice.builder("ios-007").build();
        assertThat(generated.runningConfig()).isEqualTo(SimulatedPlatform.of("cisco_ios").runningConfig("ios-007"));
    }

    @Test
    void configurationLinesChangeTheRunningConfigurationSectionBySection() throws Exception {
        try (SimulatedDevice device = r1().build().start(); TestShell shell = new TestShell(device)) {
            assertThat(shell.send("configure terminal"))
                    .isEqualTo("Enter configuration commands, one per line.  End with CNTL/Z.\nr1(config)#");
            assertThat(device.shellLevels()).containsExactly(ShellLevel.CONFIG);
            assertThat(shell.send("interface GigabitEthernet1/0/1")).isEqualTo("r1(config-if)#");
            shell.send("description uplink to core");
            shell.send("no switchport mode access");
            shell.send("shutdown");
            assertThat(shell.send("exit")).isEqualTo("r1(config)#");
            shell.send("ntp server 10.0.0.2");
            shell.send("no ntp server 10.0.0.1");
            shell.send("interface Loopback0");
            shell.send("ip address 192.0.2.1 255.255.255.255");
            // a global statement inside a section leaves the section, as IOS does
            assertThat(shell.send("logging host 10.0.0.9")).isEqualTo("r1(config)#");
            shell.send("service pad");
            shell.send("no interface GigabitEthernet1/0/2");
            assertThat(shell.send("end")).isEqualTo("r1#");
            assertThat(device.shellLevels()).containsExactly(ShellLevel.PRIVILEGED);
            String running = device.runningConfig();
            assertThat(running.substring(running.indexOf("!\nversion"))).isEqualTo("""
                    !
                    version 15.2
                    service pad
                    !
                    hostname r1
                    !
                    ntp server 10.0.0.2
                    !
                    interface GigabitEthernet1/0/1
                     description uplink to core
                     shutdown
                    !
                    interface Loopback0
                     ip address 192.0.2.1 255.255.255.255
                    !
                    logging host 10.0.0.9
                    !
                    end
                    """);
            assertThat(shell.output("show running-config").replace("\n", "\r\n").replace("\r\n", "\n"))
                    .isEqualTo(running);
            assertThat(device.startupConfig()).contains("ntp server 10.0.0.1").doesNotContain("Loopback0");
        }
    }

    @Test
    void aRejectedLineGetsTheCaretUnderItAndChangesNothing() throws Exception {
        try (SimulatedDevice device = r1().rejectConfigLines("ntp server 10\\.9\\..*").build().start();
             TestShell shell = new TestShell(device)) {
            shell.send("configure terminal");
            String before = device.runningConfig();
            assertThat(shell.send("frobnicate the router")).isEqualTo(" ".repeat("r1(config)#".length())
                    + "^\n% Invalid input detected at '^' marker.\nr1(config)#");
            assertThat(shell.output("ntp server 10.9.0.1")).contains("% Invalid input detected at '^' marker.");
            assertThat(shell.output("description not at the top level")).contains("% Invalid input");
            assertThat(shell.output("show running-config")).contains("% Invalid input"); // IOS wants "do show"
            assertThat(shell.output("do show running-config")).contains("hostname r1");
            assertThat(device.runningConfig()).isEqualTo(before);
        }
    }

    @Test
    void enableAsksForTheSecretWithoutEchoingItAndRefusesAWrongOne() throws Exception {
        try (SimulatedDevice device = r1().enableSecret("s3cret").build().start();
             TestShell shell = new TestShell(device)) {
            assertThat(shell.prompt()).isEqualTo("r1>");
            assertThat(shell.output("show running-config")).contains("% Invalid input");
            assertThat(shell.output("configure terminal")).contains("% Invalid input");
            assertThat(shell.send("enable")).isEqualTo("Password: ");
            assertThat(shell.send("wrong")).isEqualTo("% Access denied\nr1>");
            shell.send("enable");
            assertThat(shell.send("s3cret")).isEqualTo("r1#");
            assertThat(device.shellLevels()).containsExactly(ShellLevel.PRIVILEGED);
            assertThat(shell.send("disable")).isEqualTo("r1>");
        }
        // the secret is neither echoed nor recorded
        SimulatedDevice device = r1().enableSecret("s3cret").build().start();
        try (device; TestShell shell = new TestShell(device)) {
            shell.send("enable");
            shell.send("s3cret");
            assertThat(device.commands()).doesNotContain("s3cret");
        }
    }

    @Test
    void savingAsksForTheDestinationAndReloadIsCancelledByNo() throws Exception {
        try (SimulatedDevice device = r1().build().start(); TestShell shell = new TestShell(device)) {
            shell.send("configure terminal");
            shell.send("hostname r1-new");
            shell.send("end");
            assertThat(shell.send("reload")).isEqualTo("System configuration has been modified. Save? [yes/no]: ");
            assertThat(shell.send("no")).isEqualTo("Proceed with reload? [confirm]");
            assertThat(shell.send("n")).isEqualTo("r1#");
            assertThat(device.reloads()).isZero();
            assertThat(shell.send("copy running-config startup-config")).isEqualTo("Destination filename [startup-config]? ");
            assertThat(shell.send("")).isEqualTo("Building configuration...\n[OK]\nr1#");
            assertThat(device.startupConfig()).contains("hostname r1-new");
            assertThat(shell.send("reload")).isEqualTo("Proceed with reload? [confirm]");
            shell.sendAndExpectDrop("");
            assertThat(device.reloads()).isEqualTo(1);
        }
    }

    @Test
    void aReloadComesBackWithTheStartupConfiguration() throws Exception {
        try (SimulatedDevice device = r1().build().start(); TestShell shell = new TestShell(device)) {
            shell.send("configure terminal");
            shell.send("hostname lost");
            shell.send("end");
            shell.send("reload");
            shell.send("no");
            shell.sendAndExpectDrop("y");
            assertThat(device.runningConfig()).contains("hostname r1").doesNotContain("hostname lost");
        }
    }

    @Test
    void aSessionDroppedAfterTwoLinesKeepsThoseTwo() throws Exception {
        try (SimulatedDevice device = r1().dropAfterConfigLines(2).build().start();
             TestShell shell = new TestShell(device)) {
            shell.send("configure terminal");
            shell.send("ntp server 10.0.0.2");
            shell.send("ntp server 10.0.0.3");
            shell.sendAndExpectDrop("ntp server 10.0.0.4");
            assertThat(device.runningConfig()).contains("ntp server 10.0.0.2\nntp server 10.0.0.3\n")
                    .doesNotContain("10.0.0.4");
            assertThat(device.awaitOpenSessions(0, Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void sessionsChangingOneDeviceAtOnceLoseNothingWhileTheTestReadsItsState() throws Exception {
        try (SimulatedDevice device = r1().build().start()) {
            int sessions = 4;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(sessions);
            try {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int s = 0; s < sessions; s++) {
                    int session = s;
                    done.add(pool.submit(() -> {
                        try (TestShell shell = new TestShell(device)) {
                            shell.send("configure terminal");
                            for (int i = 0; i < 10; i++) {
                                shell.send("ntp server 10.8." + session + "." + i);
                                assertThat(device.runningConfig()).contains("ntp server 10.8." + session + "." + i + "\n");
                            }
                            shell.send("end");
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> future : done) {
                    future.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            for (int s = 0; s < sessions; s++) {
                for (int i = 0; i < 10; i++) {
                    assertThat(device.runningConfig()).contains("ntp server 10.8." + s + "." + i + "\n");
                }
            }
            assertThat(device.awaitOpenSessions(0, Duration.ofSeconds(10))).isTrue();
            assertThat(device.shellLevels()).isEmpty();
        }
    }

    @Test
    void aLongCommandTakesItsDelay() throws Exception {
        try (SimulatedDevice device = r1().commandDelay("show tech-support", Duration.ofMillis(300)).build().start();
             TestShell shell = new TestShell(device)) {
            long start = System.nanoTime();
            assertThat(shell.send("show tech-support")).endsWith("r1#");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(device.commands()).containsExactly("terminal length 0", "terminal width 511", "show tech-support");
        }
    }
}
