package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.cli.GenjaCli;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job, {@code backup_config} (a task that declares the ssh plugin), run unchanged against devices reachable
 * only over Telnet: the fleet's inventory gives each host {@code connection_plugin: telnet}, and the telnet plugin
 * (genja-telnet, found on the class path) logs in and drives the same CLI.
 */
@Timeout(120)
class TelnetBackupTest {

    @TempDir
    Path directory;

    @Test
    void theBackupJobRunsUnchangedOverTelnet() throws Exception {
        try (DeviceFleet fleet = DeviceFleet.builder()
                .ciscoIos(4)
                .platform("juniper_junos", 2)
                .platform("arista_eos", 2)
                .platform("cisco_iosxr", 1)
                .platform("cisco_nxos", 1)
                .each(SimulatedDevice.Builder::telnet)
                .start()) {
            Path backups = directory.resolve("backups");

            Outcome first = run(fleet, "run", "backup_config", "-o", "directory=" + backups);

            assertThat(first.status()).as(first.toString()).isZero();
            assertThat(first.out()).contains("backup_config: 10 hosts, 10 passed (10 changed), 0 failed");
            for (SimulatedDevice device : fleet.devices()) {
                assertThat(device.telnet()).isTrue();
                assertThat(backups.resolve(device.name() + ".cfg")).as(device.name()).content()
                        .contains(device.name());
            }
            assertThat(fleet.device("ios-001").commands()).contains("terminal length 0", "show running-config");
            assertThat(directory.resolve("genja.log")).as("the cleartext warning").content()
                    .containsOnlyOnce("telnet is cleartext");

            fleet.device("ios-002").setRunningConfig(ExamplesApp.withChange(fleet.device("ios-002").runningConfig()));
            Outcome second = run(fleet, "run", "backup_config", "-o", "directory=" + backups);

            assertThat(second.status()).as(second.toString()).isZero();
            assertThat(second.out()).contains("10 hosts, 10 passed (1 changed)");
            assertThat(second.out()).containsPattern("(?m)^ios-002\\s+changed\\s+.+changed: \\+1 -0 lines$");
            assertThat(backups.resolve("ios-002.cfg")).content().contains(ExamplesApp.CHANGED_LINE);
            fleet.assertNoOpenSessions(Duration.ofSeconds(10));
        }
    }

    private Outcome run(DeviceFleet fleet, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GenjaCli.builder().out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .env(Map.of("GENJA_LOGGING_LOG_FILE", directory.resolve("genja.log").toString()))
                .inventory(fleet.inventory())
                .build().execute(args);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Outcome(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}
