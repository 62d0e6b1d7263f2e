package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.cli.GenjaCli;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DevicePlatform;
import io.genja.testkit.Fault;
import io.genja.testkit.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One job spread over 4 {@code genja} processes ({@code --shard I/4}), as a Kubernetes Indexed Job or a CI matrix
 * runs it, against 200 simulated devices in this JVM, then {@code genja results merge}: the merged result is the
 * result of one run of the whole job. The numbers it prints are in docs/scale.md.
 */
class ShardedRunProcessesTest {

    private static final int DEVICES = 200;
    private static final int SHARDS = 4;
    /** Every process's bound: far more than a shard of 50 hosts needs (seconds), even on two busy cores. */
    private static final Duration WAIT = Duration.ofSeconds(180);

    @TempDir
    Path directory;

    private DeviceFleet fleet;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void startTheFleet() throws IOException {
        fleet = DeviceFleet.builder().ciscoIos(DEVICES / 2 - 2).linux(DEVICES / 2)
                .device(SimulatedDevice.builder("refuses-login").platform(DevicePlatform.CISCO_IOS)
                        .fault(Fault.REFUSE_AUTH))
                .device(SimulatedDevice.builder("drops-session").platform(DevicePlatform.CISCO_IOS)
                        .fault(Fault.DROP_MID_COMMAND))
                .start();
        writeConfiguration();
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        fleet.close();
    }

    @Test
    void fourShardProcessesMergedAreTheResultOfOneRun() throws Exception {
        // The single run first, in this JVM: it also warms up the devices' side of the SSH handshakes.
        long singleStarted = System.nanoTime();
        Outcome single = genjaInProcess("run", "show_version", "-c", "config.yaml", "--json", "single.json");
        Duration singleTime = Duration.ofNanos(System.nanoTime() - singleStarted);

        long shardsStarted = System.nanoTime();
        List<Process> shards = new ArrayList<>();
        for (int i = 1; i <= SHARDS; i++) {
            // 5 workers each: as many logins in flight at once as the single run's 20 workers
            shards.add(genja("shard" + i, "run", "show_version", "--shard", i + "/" + SHARDS, "--workers", "5",
                    "--json", "shard" + i + ".json"));
        }
        List<Integer> shardStatuses = new ArrayList<>();
        for (int i = 1; i <= SHARDS; i++) {
            shardStatuses.add(await(shards.get(i - 1), "shard" + i));
        }
        Duration sharded = Duration.ofNanos(System.nanoTime() - shardsStarted);

        long mergeStarted = System.nanoTime();
        Outcome merge = genjaInProcess("results", "merge", "shard1.json", "shard2.json", "shard3.json", "shard4.json",
                "--json", "merged.json");
        Duration mergeTime = Duration.ofNanos(System.nanoTime() - mergeStarted);
        List<Long> shardRuns = new ArrayList<>();
        for (int i = 1; i <= SHARDS; i++) {
            shardRuns.add(read("shard" + i + ".json").duration().toMillis());
        }
        System.out.printf("%d simulated devices, show_version: one run in this JVM %d ms; %d shard processes at once"
                + " %d ms (their runs %s ms); merge %d ms%n", DEVICES, singleTime.toMillis(), SHARDS,
                sharded.toMillis(), shardRuns, mergeTime.toMillis());

        TaskResults whole = read("single.json");
        TaskResults merged = read("merged.json");
        assertThat(whole.hosts()).hasSize(DEVICES).doesNotHaveDuplicates();
        for (int i = 1; i <= SHARDS; i++) {
            assertThat(read("shard" + i + ".json").hosts()).as("shard %d/%d", i, SHARDS).hasSize(DEVICES / SHARDS);
        }
        assertThat(merged.hosts()).as("every host once, in inventory order").isEqualTo(whole.hosts());
        for (String host : whole.hosts()) {
            assertThat(outcome(merged.hostResult(host))).as(host).isEqualTo(outcome(whole.hostResult(host)));
        }
        assertThat(merged.summary()).isEqualTo(whole.summary());
        assertThat(whole.summary().failed() + whole.summary().unreachable()).isEqualTo(2);
        assertThat(single.status()).as(single.toString()).isEqualTo(1);
        assertThat(merge.status()).as(merge.toString()).isEqualTo(single.status());
        assertThat(shardStatuses).as("the two faulty devices' shards exit 1, the others 0")
                .containsOnly(0, 1).contains(1);
        assertThat(merge.out()).as(merge.toString())
                .contains("show_version: 200 hosts, 198 passed (0 changed), 2 failed (1 unreachable), 0 skipped");
        fleet.assertNoOpenSessions(Duration.ofSeconds(10));
    }

    /** The {@code genja} command in this JVM, in the test's directory. */
    private Outcome genjaInProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GenjaCli.builder().workingDirectory(directory).terminal(false).env(Map.of())
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .build().execute(args);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Outcome(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    /** What decides a host's line in the table: its status, and for a failure its kind and reachability. */
    private static String outcome(HostTaskResult result) {
        if (result instanceof HostTaskResult.Failed failed) {
            return "failed " + failed.failure().kind() + (failed.failure().isUnreachable() ? " unreachable" : "");
        }
        return result.isPassed() ? "passed" : "skipped";
    }

    /**
     * {@code java -cp <this module's test class path> io.genja.cli.Main ARGS} in the test's directory; compiled by
     * the quick JIT only and with one GC thread, as suits a short run on a small machine with several at once.
     */
    private Process genja(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.genja.cli.Main", "-c", "config.yaml"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(directory.resolve(name + ".out").toFile())
                .redirectError(directory.resolve(name + ".err").toFile());
        builder.environment().remove("GENJA_CONFIG");
        builder.environment().remove("GENJA_SHARD_COUNT");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** The process's exit status, once it exited within {@link #WAIT}; its output is shown when it did not. */
    private int await(Process process, String name) throws Exception {
        boolean exited = process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        String output = "--- out:\n" + Files.readString(directory.resolve(name + ".out")) + "--- err:\n"
                + Files.readString(directory.resolve(name + ".err"));
        assertThat(exited).as(name + " exited within " + WAIT + "\n" + output).isTrue();
        assertThat(process.exitValue()).as(name + "\n" + output).isIn(0, 1);
        return process.exitValue();
    }

    private TaskResults read(String file) throws IOException {
        return TaskResults.fromJson(Files.readString(directory.resolve(file)));
    }

    /** The fleet as an inventory file, its host keys in the fleet's known_hosts; no log file. */
    private void writeConfiguration() throws IOException {
        fleet.writeHostsFile(directory.resolve("hosts.yaml"));
        Files.writeString(directory.resolve("config.yaml"), """
                inventory:
                  options:
                    hosts_file: hosts.yaml
                logging:
                  enabled: false
                """);
    }
}
