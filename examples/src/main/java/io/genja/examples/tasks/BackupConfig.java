package io.genja.examples.tasks;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Backs up each device's running configuration to a file named after the host (backups/ios-001.cfg), changed
 * when it differs from the last backup, with a unified diff. The command depends on the host's platform.
 */
@GenjaTask(name = "backup_config", connectionPluginName = "ssh", processors = "audit")
public class BackupConfig implements Task {

    /** Where backups go unless the {@code directory} option says otherwise, relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = "backups";

    @TaskOption(description = "the directory backups are written to")
    Path directory = Path.of(DEFAULT_DIRECTORY);

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        String config = RunningConfig.withoutVolatileLines(context.executeCommand(RunningConfig.command(host)));
        Path file = directory.resolve(host.name() + ".cfg");
        String previous = Files.exists(file) ? Files.readString(file) : null;
        long lines = config.lines().count();
        if (config.equals(previous)) {
            return HostTaskResult.passed(new TaskSuccess().withResult(file.toString())
                    .withSummary("unchanged, " + lines + " lines"));
        }
        ConfigDiff diff = ConfigDiff.between(previous == null ? "" : previous, config, file.toString());
        if (!context.task().dryRun()) {
            write(file, config);
        }
        String summary = previous == null ? "new backup, " + lines + " lines"
                : "changed: +" + diff.added() + " -" + diff.removed() + " lines";
        return HostTaskResult.passed(new TaskSuccess().withResult(file.toString())
                .withSummary(context.task().dryRun() ? "would be " + summary : summary)
                .withChanged(true)
                .withDiff(diff.unified()));
    }

    /** Writes through a temporary file, so an interrupted run never leaves half a backup. */
    private static void write(Path file, String config) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, config);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
