package io.genja.tasks;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.connection.FileTransfer;
import io.genja.connection.RemoteFile;
import io.genja.connection.TransferProtocol;
import io.genja.inventory.Host;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskException;
import io.genja.task.TaskProgress;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Copies a file to or from each device over its ssh connection, by SFTP (the default) or SCP, then checks the size
 * and the MD5 of the copy: on the device with its platform's own command ({@code verify /md5}, {@code md5sum}, ...)
 * where it has one, else by reading the file back. A file already there with the same MD5 is not copied again
 * ({@code changed: false}). A dry run says what would be copied and copies nothing. docs/file-transfer.md.
 */
@GenjaTask(name = "file_copy", connectionPluginName = "ssh", supportsDryRun = true)
public class FileCopy implements Task {

    @TaskOption(description = "upload (a local file to the device, the default) or download (a device file here)")
    CopyDirection direction = CopyDirection.UPLOAD;

    @TaskOption(required = true, description = "the file to copy: a local path to upload, a device path "
            + "(flash:image.bin, /var/tmp/x.tgz) to download")
    String source;

    @TaskOption(description = "upload: a device path or directory (flash:, /var/tmp/; default: the platform's, e.g."
            + " flash:); download: a local file with {host} in it, or a directory that gets <host>/<name> (default .)")
    String destination;

    @TaskOption(description = "sftp (the default) or scp")
    TransferProtocol protocol = TransferProtocol.SFTP;

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        if (source == null || source.isBlank()) {
            throw new TaskException(FailureKind.VALIDATION, "task \"file_copy\": the option source is empty; give the"
                    + " file to copy, e.g. -o source=images/ios.bin");
        }
        return direction == CopyDirection.UPLOAD ? upload(host, context) : download(host, context);
    }

    private HostTaskResult upload(Host host, TaskRuntimeContext context) throws Exception {
        Path local = Path.of(source);
        if (!Files.isRegularFile(local)) {
            throw new TaskException(FailureKind.VALIDATION, "task \"file_copy\": source " + local.toAbsolutePath()
                    + (Files.isDirectory(local) ? " is a directory; give one file" : " does not exist")
                    + "; nothing was copied to " + host.name());
        }
        long size = Files.size(local);
        String md5 = localMd5(local);
        FileTransfer files = context.files(protocol);
        String remote = remotePath(files, host, local.getFileName().toString());
        Optional<RemoteFile> there = files.inspect(remote);
        if (there.isPresent() && same(there.get(), size, md5)) {
            return unchanged(remote + " is already on the device with MD5 " + md5 + ": nothing to copy",
                    result(local.toString(), remote, size, md5, there.get().checkedBy()));
        }
        if (context.task().dryRun()) {
            return HostTaskResult.passed(new TaskSuccess().withChanged(true)
                    .withResult(result(local.toString(), remote, size, md5, null))
                    .withSummary("would upload " + local.getFileName() + " (" + bytes(size) + ") to " + remote + " by "
                            + protocol + (there.isPresent() ? ", replacing a different file" : "") + " (dry run)"));
        }
        long started = System.nanoTime();
        files.upload(local, remote, progress(context, "upload " + local.getFileName() + " to " + remote, size));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        RemoteFile copied = files.inspect(remote).orElseThrow(() -> new TaskException(FailureKind.COMMAND,
                host.name() + ": " + remote + " is not on the device after the copy by " + protocol));
        verify(host, copied, size, md5);
        return HostTaskResult.passed(new TaskSuccess().withChanged(true)
                .withResult(result(local.toString(), remote, size, md5, copied.checkedBy()))
                .withSummary("uploaded " + local.getFileName() + " (" + bytes(size) + ") to " + remote + " by "
                        + protocol + " in " + seconds(took) + ", MD5 verified by " + copied.checkedBy()));
    }

    private HostTaskResult download(Host host, TaskRuntimeContext context) throws Exception {
        FileTransfer files = context.files(protocol);
        String remote = source;
        Path local = localPath(host, remote);
        RemoteFile there = files.inspect(remote).orElseThrow(() -> new TaskException(FailureKind.COMMAND,
                host.name() + ": no file " + remote + " on the device; nothing was copied"));
        if (Files.isRegularFile(local) && LocalChecksums.compute(local).equals(there.md5())) {
            return unchanged(local + " already holds " + remote + " (MD5 " + there.md5() + "): nothing to copy",
                    result(remote, local.toString(), Files.size(local), there.md5(), there.checkedBy()));
        }
        String size = there.knownSize().stream().mapToObj(FileCopy::bytes).findFirst().orElse("size unknown");
        if (context.task().dryRun()) {
            return HostTaskResult.passed(new TaskSuccess().withChanged(true)
                    .withResult(result(remote, local.toString(), there.size(), there.md5(), there.checkedBy()))
                    .withSummary("would download " + remote + " (" + size + ") to " + local + " by " + protocol
                            + " (dry run)"));
        }
        long started = System.nanoTime();
        files.download(remote, local, progress(context, "download " + remote, Math.max(0, there.size())));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long got = Files.size(local);
        String md5 = LocalChecksums.compute(local);
        if ((there.knownSize().isPresent() && there.size() != got) || !md5.equals(there.md5())) {
            Files.deleteIfExists(local);
            throw new TaskException(FailureKind.COMMAND, host.name() + ": the download of " + remote + " differs from"
                    + " the device's file (" + bytes(got) + ", MD5 " + md5 + " here; " + size + ", MD5 " + there.md5()
                    + " by " + there.checkedBy() + "), so it was deleted; copy again");
        }
        return HostTaskResult.passed(new TaskSuccess().withChanged(true)
                .withResult(result(remote, local.toString(), got, md5, there.checkedBy()))
                .withSummary("downloaded " + remote + " (" + bytes(got) + ") to " + local + " by " + protocol + " in "
                        + seconds(took) + ", MD5 verified against " + there.checkedBy()));
    }

    /** The device path to upload to: {@code destination} (a directory gets the file's name), else the platform's. */
    private String remotePath(FileTransfer files, Host host, String name) throws TaskException {
        String target = destination;
        if (target == null || target.isBlank()) {
            target = files.defaultDirectory().orElseThrow(() -> new TaskException(FailureKind.VALIDATION,
                    "task \"file_copy\": platform " + host.platform() + " of " + host.name() + " names no default "
                            + "directory for files; give one with -o destination=/path/"));
        }
        return target.endsWith(":") || target.endsWith("/") ? target + name : target;
    }

    /** Where a download goes: {@code destination} with {@code {host}} filled in, or {@code <dir>/<host>/<name>}. */
    private Path localPath(Host host, String remote) {
        String name = remote.substring(Math.max(remote.lastIndexOf('/'), remote.lastIndexOf(':')) + 1);
        if (destination != null && destination.contains("{host}")) {
            return Path.of(destination.replace("{host}", host.name()));
        }
        Path directory = Path.of(destination == null || destination.isBlank() ? "." : destination);
        return directory.resolve(host.name()).resolve(name);
    }

    private static void verify(Host host, RemoteFile copied, long size, String md5) throws TaskException {
        if (copied.knownSize().isPresent() && copied.size() != size) {
            throw new TaskException(FailureKind.COMMAND, host.name() + ": " + copied.path() + " has " + bytes(
                    copied.size()) + " on the device after the copy, the local file " + bytes(size)
                    + "; the copy is incomplete: copy again");
        }
        if (!copied.md5().equals(md5)) {
            throw new TaskException(FailureKind.COMMAND, host.name() + ": MD5 mismatch after the copy: the device "
                    + "reports " + copied.md5() + " for " + copied.path() + " (" + copied.checkedBy() + "), the local "
                    + "file has " + md5 + "; the file on the device is corrupt: copy again, and check its storage");
        }
    }

    private static boolean same(RemoteFile there, long size, String md5) {
        return (there.knownSize().isEmpty() || there.size() == size) && there.md5().equals(md5);
    }

    private static String localMd5(Path local) throws TaskException {
        try {
            return LocalChecksums.md5(local);
        } catch (IOException | UncheckedIOException e) {
            throw new TaskException(FailureKind.VALIDATION, "task \"file_copy\": cannot read source " + local + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reports the bytes copied to processors (the CLI shows them per host), at most once per percent so a large
     * file costs a hundred reports, not one per chunk.
     */
    private static LongConsumer progress(TaskRuntimeContext context, String step, long total) {
        long[] lastPercent = {-1};
        return done -> {
            long percent = total == 0 ? 100 : done * 100 / total;
            if (percent != lastPercent[0]) {
                lastPercent[0] = percent;
                context.progress(new TaskProgress(step, done, Math.max(total, done), TaskProgress.BYTES));
            }
        };
    }

    private static Map<String, Object> result(String from, String to, long size, String md5, String checkedBy) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("source", from);
        result.put("destination", to);
        result.put("size", size);
        result.put("md5", md5);
        if (checkedBy != null) {
            result.put("verified_by", checkedBy);
        }
        return result;
    }

    private static HostTaskResult unchanged(String summary, Map<String, Object> result) {
        return HostTaskResult.passed(new TaskSuccess().withChanged(false).withResult(result).withSummary(summary));
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " bytes";
        }
        double value = count;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }
}
