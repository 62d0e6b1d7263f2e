package io.genja.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskSuccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupConfigTest {

    private static final Host R1 = Inventory.builder().host("r1").build().host("r1").orElseThrow();

    @TempDir
    Path directory;

    @Test
    void firstBackupIsWrittenAndChanged() throws Exception {
        TaskSuccess success = backup(config("hostname r1", "ntp server 192.0.2.123"), false);

        assertThat(success.changed()).isTrue();
        assertThat(success.summary()).isEqualTo("new backup, 2 lines");
        assertThat(Files.readString(directory.resolve("r1.cfg"))).isEqualTo("hostname r1\nntp server 192.0.2.123\n");
    }

    @Test
    void theSameConfigurationAgainIsUnchanged() throws Exception {
        backup(config("hostname r1"), false);

        TaskSuccess again = backup(config("hostname r1"), false);

        assertThat(again.changed()).isFalse();
        assertThat(again.summary()).isEqualTo("unchanged, 1 lines");
        assertThat(again.diff()).isNull();
    }

    @Test
    void timestampsTheDeviceWritesItselfAreNoChange() throws Exception {
        backup("Building configuration...\n! Last configuration change at 10:01:02 UTC Mon Mar 4 2024\nhostname r1\n",
                false);

        TaskSuccess again = backup("! Last configuration change at 11:12:13 UTC Tue Mar 5 2024\nhostname r1\n", false);

        assertThat(again.changed()).isFalse();
    }

    @Test
    void aChangeIsReportedWithAUnifiedDiff() throws Exception {
        backup(config("hostname r1", "ntp server 192.0.2.123", "end"), false);

        TaskSuccess changed = backup(config("hostname r1", "ntp server 192.0.2.124", "end"), false);

        assertThat(changed.changed()).isTrue();
        assertThat(changed.summary()).isEqualTo("changed: +1 -1 lines");
        assertThat(changed.diff()).contains("-ntp server 192.0.2.123").contains("+ntp server 192.0.2.124")
                .contains("@@ -1,3 +1,3 @@");
        assertThat(Files.readString(directory.resolve("r1.cfg"))).contains("192.0.2.124");
    }

    @Test
    void aDryRunReportsTheChangeButWritesNothing() throws Exception {
        TaskSuccess success = backup(config("hostname r1"), true);

        assertThat(success.changed()).isTrue();
        assertThat(success.summary()).isEqualTo("would be new backup, 1 lines");
        assertThat(directory.resolve("r1.cfg")).doesNotExist();
    }

    @Test
    void twoRunsIntoOneDirectoryAtOnceFindEachHostNewOnlyOnce() throws Exception {
        Inventory inventory = inventoryOf(17);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<String>> run = () -> {
            start.await(10, TimeUnit.SECONDS);
            List<String> summaries = new ArrayList<>();
            for (Host host : inventory.hosts()) {
                BackupConfig task = new BackupConfig();
                task.directory = directory;
                HostTaskResult result = task.start(host, new ScriptedContext(host,
                        Map.of("show running-config", config("hostname " + host.name())), false));
                summaries.add(((HostTaskResult.Passed) result).success().summary());
            }
            return summaries;
        };
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> first = runs.submit(run);
            Future<List<String>> second = runs.submit(run);
            List<String> all = new ArrayList<>(first.get(30, TimeUnit.SECONDS));
            all.addAll(second.get(30, TimeUnit.SECONDS));

            assertThat(all.stream().filter(s -> s.startsWith("new backup"))).hasSize(17);
            assertThat(all.stream().filter(s -> s.startsWith("unchanged"))).hasSize(17);
        } finally {
            runs.shutdownNow();
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> !f.equals(BackupConfig.LOCK_FILE)))
                    .hasSize(17).allMatch(f -> f.endsWith(".cfg"));
        }
    }

    private static Inventory inventoryOf(int hosts) {
        Inventory.Builder builder = Inventory.builder();
        for (int i = 1; i <= hosts; i++) {
            builder.host(String.format("r%02d", i));
        }
        return builder.build();
    }

    private TaskSuccess backup(String runningConfig, boolean dryRun) throws Exception {
        BackupConfig task = new BackupConfig();
        task.directory = directory;
        HostTaskResult result = task.start(R1, new ScriptedContext(R1, Map.of("show running-config", runningConfig),
                dryRun));
        assertThat(result).isInstanceOf(HostTaskResult.Passed.class);
        return ((HostTaskResult.Passed) result).success();
    }

    private static String config(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
