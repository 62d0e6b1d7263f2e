package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DevicePlatform;
import io.genja.testkit.SimulatedDevice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C during {@code genja run}, as an operator presses it: the shaded jar runs {@code backup_config} as a process
 * against simulated devices in this JVM, ten that answer at once and ten that think for minutes; once the ten have
 * finished (read from the process's progress lines), the process gets a real SIGINT. Runs after {@code package}.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptedRunIT {

    private static final Path JAR = Path.of("target", "genja-examples.jar").toAbsolutePath();
    private static final int FAST = 10;
    private static final int SLOW = 10;
    private static final int WORKERS = 4;
    /** Every bounded wait of this test: far more than any step needs, far less than a slow device thinks. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private DeviceFleet fleet;
    private Process process;

    @BeforeEach
    void startTheFleet() throws IOException {
        // A process started with SIGINT ignored (a background job of a non-interactive shell) passes that on, and
        // genja rightly keeps ignoring it, as every Unix program does: then there is nothing to test here.
        Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored in this process and would be in genja's too");
        DeviceFleet.Builder builder = DeviceFleet.builder().linux(FAST);
        for (int i = 1; i <= SLOW; i++) {
            builder.device(SimulatedDevice.builder(String.format("slow-%03d", i)).platform(DevicePlatform.LINUX)
                    .latency(Duration.ofMinutes(5)));
        }
        fleet = builder.start();
        writeConfiguration();
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        fleet.close();
    }

    /**
     * With the threaded and the serial runner: {@code inFlight} slow hosts had started when the signal came, the
     * others had not. (Not {@code async}: backup_config is a blocking task, and on a 2-core machine its 2 threads
     * can both be held by slow devices while fast hosts wait, so when the fast ones finish is not known.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"threaded, 4", "serial, 1"})
    void ctrlCReportsEveryHostWritesTheJsonClosesTheConnectionsAndExits130(String runner, int inFlight)
            throws Exception {
        process = start("--runner", runner, "--json", "out.json");
        Lines out = new Lines(process.getInputStream());
        Lines err = new Lines(process.getErrorStream());
        out.await(line -> line.startsWith("progress: " + FAST + "/" + (FAST + SLOW) + " hosts"));

        long signalled = System.nanoTime();
        interrupt(process);

        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited after SIGINT").isTrue();
        Duration toExit = Duration.ofNanos(System.nanoTime() - signalled);
        String stdout = out.all();
        String stderr = err.all();
        String shown = "exit " + process.exitValue() + " after " + toExit.toMillis() + " ms\n--- out:\n" + stdout
                + "--- err:\n" + stderr;
        assertThat(process.exitValue()).as(shown).isEqualTo(130);
        assertThat(stdout).as(shown)
                .contains("backup_config: 20 hosts, 10 passed (10 changed), 0 failed (0 unreachable), 0 skipped,"
                        + " 10 interrupted in ")
                .containsPattern("(?m)^linux-001\\s+changed\\s+.+new backup")
                .containsPattern("(?m)^linux-010\\s+changed\\s+.+new backup");
        // The hosts the workers had started, and those never started, each say which they were.
        assertThat(stdout.lines().filter(line -> line.matches("slow-\\d+\\s+interrupted\\s+.*INTERRUPTED: the run was"
                + " interrupted before this task finished on this host"))).as(shown).hasSize(inFlight);
        assertThat(stdout.lines().filter(line -> line.matches("slow-\\d+\\s+interrupted\\s+.*INTERRUPTED: the run was"
                + " interrupted before this task started on this host"))).as(shown).hasSize(SLOW - inFlight);
        assertThat(stderr).as(shown)
                .contains("genja: interrupted; stopping the run and writing the results (press Ctrl-C again to exit"
                        + " at once)\n")
                .endsWith("genja: the run was interrupted (Ctrl-C): 10 of 20 hosts finished, 10 interrupted\n")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(toExit).as(shown).isLessThan(Duration.ofSeconds(10));

        JsonNode json = new ObjectMapper().readTree(directory.resolve("out.json").toFile());
        assertThat(json.get("hosts").size()).isEqualTo(FAST + SLOW);
        for (SimulatedDevice device : fleet.devices()) {
            JsonNode host = json.get("hosts").get(device.name());
            assertThat(host).as(device.name()).isNotNull();
            if (device.name().startsWith("linux-")) {
                assertThat(host.get("status").asText()).as(device.name()).isEqualTo("passed");
            } else {
                assertThat(host.get("status").asText()).as(device.name()).isEqualTo("failed");
                assertThat(host.get("failure").get("kind").asText()).as(device.name()).isEqualTo("INTERRUPTED");
            }
        }
        try (Stream<Path> backups = Files.list(directory.resolve("backups"))) {
            assertThat(backups.filter(f -> f.toString().endsWith(".cfg"))).hasSize(FAST);
        }
        fleet.assertNoOpenSessions(Duration.ofSeconds(10));
    }

    /**
     * A second Ctrl-C while the results are written exits at once. The {@code --json} file is a named pipe nobody
     * reads, so writing it blocks for ever after the table is printed: only the second Ctrl-C can end the process.
     * The connections were closed before the table, so none is open while the process still runs.
     */
    @Test
    void aSecondCtrlCWhileTheResultsAreWrittenExitsAtOnceWithTheConnectionsAlreadyClosed() throws Exception {
        Path fifo = directory.resolve("blocked.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
        process = start("--json", fifo.toString());
        Lines out = new Lines(process.getInputStream());
        Lines err = new Lines(process.getErrorStream());
        out.await(line -> line.startsWith("progress: " + FAST + "/"));

        interrupt(process);
        out.await(line -> line.startsWith("backup_config: 20 hosts, "));
        fleet.assertNoOpenSessions(Duration.ofSeconds(10));
        assertThat(process.isAlive()).as("blocked writing the --json pipe\n" + out.soFar() + err.soFar()).isTrue();

        interrupt(process);

        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited after the second SIGINT").isTrue();
        String shown = "exit " + process.exitValue() + "\n--- out:\n" + out.all() + "--- err:\n" + err.all();
        assertThat(process.exitValue()).as(shown).isEqualTo(130);
        assertThat(err.all()).as(shown).endsWith("genja: interrupted again; exiting at once\n")
                .doesNotContain("\tat ");
    }

    private Process start(String... runArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString(), "run", "backup_config", "-c", "config.yaml",
                "--workers", Integer.toString(WORKERS)));
        command.addAll(List.of(runArgs));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("GENJA_CONFIG");
        return builder.start();
    }

    /** {@code kill -INT pid}: the signal Ctrl-C sends. */
    private static void interrupt(Process target) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(target.toHandle().pid())).inheritIO().start();
        assertThat(kill.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT").isTrue();
    }

    private void writeConfiguration() throws IOException {
        fleet.writeHostsFile(directory.resolve("hosts.yaml"));
        Files.writeString(directory.resolve("config.yaml"), """
                inventory:
                  options:
                    hosts_file: hosts.yaml
                """);
    }

    /** A process's output, read line by line on a thread of its own, so that a test can wait for a line. */
    /** Whether this process ignores SIGINT (Linux: the SigIgn mask of /proc/self/status; elsewhere unknown: no). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (ignored & (1L << (2 - 1))) != 0; // SIGINT is signal 2
            }
        }
        return false;
    }

    private static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private boolean ended;

        Lines(InputStream stream) {
            Thread reader = new Thread(() -> read(stream), "process-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream stream) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process was destroyed: what was read is what there is.
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        /** Waits until a line matches, at most {@link #WAIT}; fails, showing what was read, otherwise. */
        synchronized void await(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (lines.stream().noneMatch(wanted)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError((ended ? "the output ended" : "no such line within " + WAIT)
                            + "; read so far:\n" + String.join("\n", lines));
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        /** What was read until now. */
        synchronized String soFar() {
            return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        }

        /** Everything read, once the stream ended (the process exited), at most {@link #WAIT} from now. */
        synchronized String all() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!ended && deadline - System.nanoTime() > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            }
            return soFar();
        }
    }
}
