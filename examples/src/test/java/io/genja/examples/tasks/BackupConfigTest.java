package io.genja.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskSuccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
