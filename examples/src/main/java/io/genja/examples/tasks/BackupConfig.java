package io.genja.examples.tasks;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Backs up each device's running configuration to a file named after the host (backups/ios-001.cfg), changed
 * when it differs from the last backup, with a unified diff. The command depends on the host's platform. Runs into
 * the same directory at the same time take turns per backup (a lock file there), so each host is "new" to one of them.
 */
@GenjaTask(name = "backup_config", connectionPluginName = "ssh", processors = "audit", supportsDryRun = true)
public class BackupConfig implements Task {

    /** Where backups go unless the {@code directory} option says otherwise, relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = "backups";

    @TaskOption(description = "the directory backups are written to")
    Path directory = Path.of(DEFAULT_DIRECTORY);

    /**
     * The lock file in the backup directory that runs (threads of one run, other runs, other processes) take in turn
     * for the read-compare-write of one backup.
     */
    public static final String LOCK_FILE = ".backup.lock";

    /** A file lock is held per JVM, not per thread: threads of this JVM queue here first. */
    private static final Map<Path, ReentrantLock> LOCKS_IN_THIS_JVM = new ConcurrentHashMap<>();

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        String config = RunningConfig.withoutVolatileLines(context.executeCommand(RunningConfig.command(host)));
        Path file = directory.resolve(host.name() + ".cfg");
        if (context.task().dryRun()) {
            return compareAndWrite(file, config, true);
        }
        // Read, compare and write as one step: two runs into one directory must not both find "no backup yet".
        Path backups = file.toAbsolutePath().normalize().getParent();
        Files.createDirectories(backups);
        Path lockFile = backups.resolve(LOCK_FILE);
        ReentrantLock inThisJvm = LOCKS_IN_THIS_JVM.computeIfAbsent(lockFile, f -> new ReentrantLock());
        inThisJvm.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock acrossProcesses = channel.lock()) {
            return compareAndWrite(file, config, false);
        } finally {
            inThisJvm.unlock();
        }
    }

    /** Says whether {@code config} is a new backup, a change or none, and writes it unless this is a dry run. */
    private static HostTaskResult compareAndWrite(Path file, String config, boolean dryRun) throws IOException {
        String previous = Files.exists(file) ? Files.readString(file) : null;
        long lines = config.lines().count();
        if (config.equals(previous)) {
            return HostTaskResult.passed(new TaskSuccess().withResult(file.toString())
                    .withSummary("unchanged, " + lines + " lines"));
        }
        ConfigDiff diff = ConfigDiff.between(previous == null ? "" : previous, config, file.toString());
        if (!dryRun) {
            write(file, config);
        }
        String summary = previous == null ? "new backup, " + lines + " lines"
                : "changed: +" + diff.added() + " -" + diff.removed() + " lines";
        return HostTaskResult.passed(new TaskSuccess().withResult(file.toString())
                .withSummary(dryRun ? "would be " + summary : summary)
                .withChanged(true)
                .withDiff(diff.unified()));
    }

    /** Writes through a temporary file, so an interrupted run never leaves half a backup. */
    private static void write(Path file, String config) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, config);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
