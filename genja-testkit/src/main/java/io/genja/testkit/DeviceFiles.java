package io.genja.testkit;

import io.genja.device.FileSystems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.scp.common.ScpTransferEventListener;
import org.apache.sshd.scp.server.ScpCommandFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A simulated device's file system: a temporary directory per device, served by SFTP and SCP on its SSH server and
 * read by the platform's checksum command ({@code verify /md5 flash:a.bin}, {@code md5sum /tmp/a}). Paths are the
 * device's own ({@code flash:a.bin}); the platform profile's {@code files.transfer_paths} say where they are for
 * SCP and SFTP ({@code flash:/a.bin}), and the directory holds them there, so both names reach the same file.
 * Under {@link Fault#CORRUPT_FILE_WRITES} every file written over SFTP or SCP gets its last byte changed.
 */
final class DeviceFiles implements AutoCloseable {

    private final Path root;
    private final FileSystems files;
    private final boolean corruptWrites;

    private DeviceFiles(Path root, FileSystems files, boolean corruptWrites) {
        this.root = root;
        this.files = files;
        this.corruptWrites = corruptWrites;
    }

    /** A fresh, empty file system for {@code device}, with the directories its profile names. */
    static DeviceFiles create(String device, FileSystems files, boolean corruptWrites) {
        try {
            Path root = Files.createTempDirectory("genja-device-" + device + "-").toRealPath();
            DeviceFiles created = new DeviceFiles(root, files, corruptWrites);
            for (String fileSystem : files.names()) {
                Files.createDirectories(created.resolve(fileSystem + "x").getParent());
            }
            if (files.defaultDirectory() != null) {
                Files.createDirectories(created.resolve(files.defaultDirectory() + "x").getParent());
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the file system of simulated device " + device, e);
        }
    }

    /** Serves this file system over SFTP and SCP; other exec commands go to {@code commands}. */
    void serve(SshServer server, CommandFactory commands) {
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        ScpCommandFactory.Builder scp = new ScpCommandFactory.Builder().withDelegate(commands);
        if (corruptWrites) {
            sftp.addSftpEventListener(new SftpEventListener() {
                @Override
                public void closed(ServerSession session, String remoteHandle, Handle handle, Throwable thrown)
                        throws IOException {
                    if (thrown == null && handle instanceof FileHandle file && Files.isRegularFile(file.getFile()) && wasWritten(file)) {
                        corrupt(file.getFile());
                    }
                }
            });
            scp.addEventListener(new ScpTransferEventListener() {
                @Override
                public void endFileEvent(Session session, FileOperation op, Path file, long length,
                                         java.util.Set<java.nio.file.attribute.PosixFilePermission> perms,
                                         Throwable thrown) throws IOException {
                    if (op == FileOperation.RECEIVE && thrown == null) {
                        corrupt(file);
                    }
                }
            });
        }
        server.setSubsystemFactories(List.of(sftp));
        server.setCommandFactory(scp.build());
    }

    private static boolean wasWritten(FileHandle file) {
        return file.getOpenOptions().contains(StandardOpenOption.WRITE);
    }

    /** The reply to {@code command} when it is the platform's checksum command; empty for any other command. */
    Optional<Reply> answer(String command, boolean errorsOnStderr) {
        FileSystems.Checksum checksum = files.checksum();
        if (checksum == null) {
            return Optional.empty();
        }
        return checksum.pathIn(command).map(path -> {
            Optional<byte[]> content = read(path);
            if (content.isEmpty()) {
                String missing = (checksum.missing() != null ? checksum.missing()
                        : "{path}: No such file or directory").replace("{path}", path) + "\n";
                return errorsOnStderr ? Reply.error(missing, 1) : Reply.out(missing);
            }
            String sample = checksum.sample() != null ? checksum.sample() : "{md5}";
            return Reply.out(sample.replace("{path}", path).replace("{md5}", md5(content.get())) + "\n");
        });
    }

    /** The content of the file the device calls {@code devicePath}, if there is one. */
    Optional<byte[]> read(String devicePath) {
        Path file = resolve(devicePath);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + devicePath + " of a simulated device", e);
        }
    }

    /** Puts a file on the device, as if copied there before. */
    void write(String devicePath, byte[] content) {
        Path file = resolve(devicePath);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + devicePath + " on a simulated device", e);
        }
    }

    /** Where {@code devicePath} is in the directory; never outside it. */
    private Path resolve(String devicePath) {
        String transfer = files.transferPath(devicePath);
        while (transfer.startsWith("/")) {
            transfer = transfer.substring(1);
        }
        Path file = root.resolve(transfer).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("path " + devicePath + " leaves the device's file system");
        }
        return file;
    }

    static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }

    /** A flash that corrupts what it writes: the last byte changes, the size stays. */
    private static void corrupt(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size == 0) {
                return;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            last.put(0, (byte) (last.get(0) ^ 0x5a)).rewind();
            channel.write(last, size - 1);
        }
    }

    /** Deletes the directory and everything in it. */
    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the file system of a simulated device at " + root, e);
        }
    }
}
