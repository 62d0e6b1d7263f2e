package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.testkit.Commit;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The documented change job: preview, apply with commit confirmed, nothing to change on the second run. */
@Timeout(180)
class NtpChangeJobTest {

    @Test
    void previewsAppliesWithCommitConfirmedAndThenHasNothingToChange() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (DeviceFleet fleet = NtpChangeJob.startFleet()) {
            Map<String, String> before = new LinkedHashMap<>();
            fleet.devices().forEach(device -> before.put(device.name(), device.runningConfig()));

            int status = NtpChangeJob.run(fleet, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("GENJA_LOGGING_ENABLED", "false"));

            String output = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as(output + err.toString(StandardCharsets.UTF_8)).isZero();
            String preview = output.substring(output.indexOf("== 1."), output.indexOf("== 2."));
            String apply = output.substring(output.indexOf("== 2."), output.indexOf("== 3."));
            String again = output.substring(output.indexOf("== 3."));
            assertThat(preview).contains("cisco_iosxr-001: send_config", "juniper_junos-002: send_config",
                    "arista_eos-001: send_config", "192.0.2.123", "6 hosts, 6 passed (6 changed)");
            assertThat(apply).contains("committed with commit confirmed 120 s, confirmed: ",
                    "batch 1 of 2 (1 host): cisco_iosxr-001", "batch 2 of 2 (5 hosts)",
                    "6 hosts, 6 passed (6 changed)");
            assertThat(again).contains("nothing to change", "6 hosts, 6 passed (0 changed)");
            for (SimulatedDevice device : fleet.devices()) {
                assertThat(device.runningConfig()).as(device.name()).isNotEqualTo(before.get(device.name()))
                        .contains("192.0.2.123").contains("192.0.2.124");
                assertThat(device.commitHistory()).as(device.name()).extracting(Commit::status)
                        .containsExactly(Commit.Status.CONFIRMED);
            }
        }
    }
}
