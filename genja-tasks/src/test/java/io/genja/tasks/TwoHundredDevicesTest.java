package io.genja.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.SimulatedDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's scale check: 200 simulated devices, 40 of each platform, take one templated change with 50 workers,
 * and every device ends in the intended state. Prints the run time and the cost per host. A measurement, so it runs
 * only on request, on a quiet machine: {@code mvn -B -o -pl genja-tasks -am verify -Dtest=TwoHundredDevicesTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgenja.scale=true}.
 */
@EnabledIfSystemProperty(named = "genja.scale", matches = "true")
@Timeout(600)
class TwoHundredDevicesTest {

    private static final int PER_PLATFORM = 40;
    private static final int WORKERS = 50;
    private static final List<String> SERVERS = List.of("192.0.2.201", "192.0.2.202");

    @TempDir
    Path directory;

    @Test
    void twoHundredMixedDevicesTakeOneTemplatedChangeWithFiftyWorkers() throws Exception {
        Path template = NtpTemplate.copyTo(directory);
        try (DeviceFleet fleet = DeviceFleet.builder().platform("cisco_ios", PER_PLATFORM)
                .platform("cisco_iosxr", PER_PLATFORM).platform("juniper_junos", PER_PLATFORM)
                .platform("arista_eos", PER_PLATFORM).platform("cisco_nxos", PER_PLATFORM).start();
             Genja genja = Genja.builder(fleet.inventory(host -> host.data("ntp_servers", SERVERS))).build()) {
            long started = System.nanoTime();
            TaskResults results = genja.run("send_config", RunOptions.defaults().runner("threaded").workers(WORKERS)
                    .option("template", template.toString()));
            Duration wall = Duration.ofNanos(System.nanoTime() - started);

            assertThat(results.failedHosts()).as("%s", results.byHost()).isEmpty();
            assertThat(results.summary().changed()).isEqualTo(5 * PER_PLATFORM);
            for (SimulatedDevice device : fleet.devices()) {
                String running = device.runningConfig();
                for (String server : SERVERS) {
                    assertThat(running).as(device.name()).containsPattern("(?m)^\\s*(ntp )?server " + server.replace(".", "\\.") + ";?$");
                }
            }
            LongSummaryStatistics perHost = results.byHost().values().stream().map(HostTaskResult::duration)
                    .mapToLong(Duration::toMillis).summaryStatistics();
            double slotMillis = wall.toMillis() * (double) WORKERS / results.hosts().size();
            System.out.printf(Locale.ROOT, "200 devices, 50 workers: %.1f s wall; task time per host mean %.0f ms,"
                            + " max %d ms; worker time per host %.0f ms, of which outside the task (connect, engine)"
                            + " %.0f ms%n", wall.toMillis() / 1000.0, perHost.getAverage(), perHost.getMax(),
                    slotMillis, slotMillis - perHost.getAverage());
        }
    }
}
