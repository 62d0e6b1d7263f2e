package io.genja.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.inventory.Filter;
import io.genja.inventory.Host;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskProgress;
import io.genja.task.TaskResults;
import io.genja.task.TaskSuccess;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.Fault;
import io.genja.testkit.SimulatedDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * file_copy on a simulated fleet of 50 devices of five platforms (ten each): upload by SFTP and by SCP to each
 * platform's default directory, verified by each platform's own checksum command, and a second run that copies
 * nothing; downloads; dry runs. Asserts the devices' files, not only the results.
 */
@Timeout(180)
class FileCopyFleetTest {

    private static final int PER_PLATFORM = 10;
    /** Where each platform's file goes by default, as its profile says. */
    private static final Map<String, String> DIRECTORIES = Map.of("cisco_ios", "flash:", "cisco_nxos", "bootflash:",
            "arista_eos", "flash:", "juniper_junos", "/var/tmp/", "linux", "/tmp/");
    /** Each platform's own checksum command, as its profile gives it. */
    private static final Map<String, String> CHECKSUM_COMMANDS = Map.of("cisco_ios", "verify /md5 %s",
            "cisco_nxos", "show file %s md5sum", "arista_eos", "verify /md5 %s",
            "juniper_junos", "file checksum md5 %s", "linux", "md5sum %s");

    static DeviceFleet fleet;

    @TempDir
    static Path directory;

    @BeforeAll
    static void startFleet() {
        DeviceFleet.Builder builder = DeviceFleet.builder();
        DIRECTORIES.keySet().stream().sorted().forEach(platform -> builder.platform(platform, PER_PLATFORM));
        fleet = builder.start();
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static Genja genja() {
        return Genja.builder(fleet.inventory()).build();
    }

    private static Path localFile(String name, int size, long seed) throws Exception {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return Files.write(directory.resolve(name), content);
    }

    private static TaskSuccess success(TaskResults results, String host) {
        HostTaskResult result = results.hostResult(host);
        assertThat(result.isPassed()).as("%s: %s", host, result).isTrue();
        return ((HostTaskResult.Passed) result).success();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sftp", "scp"})
    void uploadsToFiftyDevicesVerifiesOnEachAndASecondRunCopiesNothing(String protocol) throws Exception {
        Path image = localFile("image-" + protocol + ".bin", 1024 * 1024 + 17, protocol.hashCode());
        byte[] content = Files.readAllBytes(image);
        Map<String, List<TaskProgress>> progress = new ConcurrentHashMap<>();
        TaskProcessor recorder = new TaskProcessor() {
            @Override
            public String name() {
                return "progress-recorder";
            }

            @Override
            public void onHostProgress(TaskInfo task, Host host, TaskProgress step) {
                progress.computeIfAbsent(host.name(), h -> new CopyOnWriteArrayList<>()).add(step);
            }
        };
        try (Genja genja = genja()) {
            RunOptions options = RunOptions.defaults().workers(50).option("source", image.toString())
                    .option("protocol", protocol);
            long started = System.nanoTime();
            TaskResults first = genja.run("file_copy", options.processor(recorder));
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("file_copy %s of %d bytes to %d simulated devices: %d ms%n", protocol, content.length,
                    fleet.devices().size(), wall.toMillis());

            assertThat(first.failedHosts()).as("%s", first.byHost()).isEmpty();
            assertThat(first.summary().changed()).isEqualTo(fleet.devices().size());
            for (SimulatedDevice device : fleet.devices()) {
                String remote = DIRECTORIES.get(device.platformName()) + image.getFileName();
                assertThat(device.file(remote)).as(device.name()).hasValueSatisfying(
                        bytes -> assertThat(bytes).isEqualTo(content));
                TaskSuccess copied = success(first, device.name());
                String checksum = String.format(CHECKSUM_COMMANDS.get(device.platformName()), remote);
                assertThat(copied.summary()).contains("uploaded " + image.getFileName(), "by " + protocol.toUpperCase(),
                        "MD5 verified by " + checksum);
                assertThat(device.commands()).contains(checksum);
                List<TaskProgress> steps = progress.get(device.name());
                assertThat(steps).as(device.name()).isNotEmpty();
                assertThat(steps.get(steps.size() - 1)).isEqualTo(new TaskProgress("upload " + image.getFileName()
                        + " to " + remote, content.length, content.length, TaskProgress.BYTES));
            }

            TaskResults second = genja.run("file_copy", options);
            assertThat(second.failedHosts()).as("%s", second.byHost()).isEmpty();
            assertThat(second.summary().changed()).isZero();
            assertThat(success(second, "cisco_ios-001").summary())
                    .isEqualTo("flash:" + image.getFileName() + " is already on the device with MD5 "
                            + md5(content) + ": nothing to copy");
        }
    }

    @Test
    void aDryRunSaysWhatWouldBeCopiedAndCopiesNothing() throws Exception {
        Path image = localFile("dry.bin", 4096, 7);
        try (Genja genja = genja().filter(Filter.name("(cisco_ios|linux)-001"))) {
            TaskResults results = genja.run("file_copy", RunOptions.defaults().dryRun(true)
                    .option("source", image.toString()).option("destination", "flash:staged/dry.bin"));
            // the Linux host takes the path as written: flash:staged/ is a directory name there like any other
            TaskSuccess ios = success(results, "cisco_ios-001");
            assertThat(ios.changed()).isTrue();
            assertThat(ios.summary()).isEqualTo("would upload dry.bin (4.0 KiB) to flash:staged/dry.bin by SFTP (dry run)");
        }
        assertThat(fleet.device("cisco_ios-001").file("flash:staged/dry.bin")).isEmpty();
        assertThat(fleet.device("linux-001").file("flash:staged/dry.bin")).isEmpty();
    }

    @Test
    void aMissingLocalFileIsAClearErrorAndNothingIsCopied() {
        Path missing = directory.resolve("no-such-image.bin");
        try (Genja genja = genja().filter(Filter.name("cisco_ios-002"))) {
            TaskResults results = genja.run("file_copy", RunOptions.defaults().option("source", missing.toString()));
            HostTaskResult result = results.hostResult("cisco_ios-002");
            assertThat(result).isInstanceOfSatisfying(HostTaskResult.Failed.class, failed -> {
                assertThat(failed.failure().kind()).isEqualTo(FailureKind.VALIDATION);
                assertThat(failed.failure().message()).isEqualTo("task \"file_copy\": source " + missing.toAbsolutePath()
                        + " does not exist; nothing was copied to cisco_ios-002");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sftp", "scp"})
    void aCopyTheDeviceStoresCorruptedFailsOnItsChecksum(String protocol) throws Exception {
        Path image = localFile("corrupted-" + protocol + ".bin", 64 * 1024, 3);
        String md5 = md5(Files.readAllBytes(image));
        try (DeviceFleet corrupting = DeviceFleet.builder()
                .device(SimulatedDevice.builder("bad-flash").platform("cisco_ios").fault(Fault.CORRUPT_FILE_WRITES))
                .start();
             Genja genja = Genja.builder(corrupting.inventory()).build()) {
            TaskResults results = genja.run("file_copy", RunOptions.defaults().option("source", image.toString())
                    .option("protocol", protocol));
            assertThat(results.hostResult("bad-flash")).isInstanceOfSatisfying(HostTaskResult.Failed.class, failed -> {
                assertThat(failed.failure().kind()).isEqualTo(FailureKind.COMMAND);
                assertThat(failed.failure().message()).startsWith("bad-flash: MD5 mismatch after the copy: the device "
                        + "reports ").contains("for flash:" + image.getFileName() + " (verify /md5 flash:"
                        + image.getFileName() + "), the local file has " + md5);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sftp", "scp"})
    void downloadsEachDevicesFileIntoADirectoryPerHostAndASecondRunCopiesNothing(String protocol) throws Exception {
        List<String> hosts = List.of("cisco_nxos-003", "juniper_junos-003", "linux-003");
        Map<String, String> remote = Map.of("cisco_nxos-003", "bootflash:show-tech.txt",
                "juniper_junos-003", "/var/tmp/show-tech.txt", "linux-003", "/tmp/show-tech.txt");
        for (String host : hosts) {
            fleet.device(host).putFile(remote.get(host), ("tech support of " + host + "\n").repeat(1000).getBytes());
        }
        Path downloads = directory.resolve("downloads-" + protocol);
        for (String host : hosts) {
            try (Genja genja = genja().filter(Filter.name(host))) {
                RunOptions options = RunOptions.defaults().option("direction", "download")
                        .option("source", remote.get(host)).option("destination", downloads.toString())
                        .option("protocol", protocol);
                TaskSuccess first = success(genja.run("file_copy", options), host);
                assertThat(first.changed()).isTrue();
                Path local = downloads.resolve(host).resolve("show-tech.txt");
                assertThat(Files.readString(local)).isEqualTo(("tech support of " + host + "\n").repeat(1000));
                TaskSuccess second = success(genja.run("file_copy", options), host);
                assertThat(second.changed()).isFalse();
                assertThat(second.summary()).startsWith(local + " already holds " + remote.get(host));
            }
        }
    }

    private static String md5(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(content));
    }
}
