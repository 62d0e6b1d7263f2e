package io.genja.ssh;

import io.genja.connection.ConnectionException;
import io.genja.connection.FileTransfer;
import io.genja.connection.RemoteFile;
import io.genja.connection.TransferProtocol;
import io.genja.device.FileSystems;
import io.genja.task.FailureKind;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.scp.client.ScpClient;
import org.apache.sshd.scp.client.ScpClientCreator;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SFTP or SCP on an open {@link SshConnection}'s session: each operation opens its own channel (an SFTP subsystem,
 * or an exec channel running {@code scp -t}/{@code scp -f}) next to the connection's shell and closes it after.
 * Device paths become transfer paths through the platform profile's {@code files.transfer_paths}; the checksum
 * runs the profile's {@code files.checksum.command} on the connection's CLI, else the file is read back.
 *
 * <p>Every transfer is bounded by an idle limit (the connection's read timeout, else its command timeout): when no
 * byte moves for that long, the session is closed (a blocked SCP/SFTP read has no other way out) and the operation
 * fails with {@code TIMEOUT}; the runtime opens a new session for the next task.
 */
final class SshFileTransfer implements FileTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(SshFileTransfer.class);
    /** Characters a device path may hold: it goes into CLI commands and {@code scp -t}, so nothing a shell splits. */
    private static final Pattern SAFE_PATH = Pattern.compile("[\\w.:/+@=,~-]+");
    private static final int CHUNK = 64 * 1024;
    /** The least time a checksum command gets: hashing a large image takes a device a while. */
    private static final Duration CHECKSUM_TIMEOUT = Duration.ofMinutes(5);
    /** How long one transfer may take in all; the idle limit is what usually ends a stuck one. */
    private static final Duration TRANSFER_LIMIT = Duration.ofHours(12);

    private final SshConnection connection;
    private final TransferProtocol protocol;

    SshFileTransfer(SshConnection connection, TransferProtocol protocol) {
        this.connection = connection;
        this.protocol = protocol;
    }

    @Override
    public TransferProtocol protocol() {
        return protocol;
    }

    @Override
    public Optional<String> defaultDirectory() {
        return Optional.ofNullable(connection.profile().files().defaultDirectory());
    }

    @Override
    public void upload(Path local, String remote, LongConsumer progress) throws ConnectionException {
        String target = transferPath(remote);
        long size;
        try {
            size = Files.size(local);
        } catch (IOException e) {
            throw new ConnectionException(FailureKind.VALIDATION, local + ": cannot read the file to upload ("
                    + describe(e) + ")", e);
        }
        ClientSession session = connection.session();
        Stall watchdog = new Stall(session, "upload of " + local.getFileName() + " to " + remote);
        try (InputStream in = new Counting(Files.newInputStream(local), watchdog, progress)) {
            if (protocol == TransferProtocol.SFTP) {
                try (SftpClient sftp = sftp(session); OutputStream out = sftp.write(target)) {
                    in.transferTo(out);
                }
            } else {
                scp(session).upload(in, target, size, EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ), null);
            }
        } catch (NoSuchFileException e) {
            throw new ConnectionException(FailureKind.VALIDATION, local + ": no such file to upload", e);
        } catch (IOException e) {
            throw failure("upload " + local.getFileName() + " to " + remote, watchdog, e);
        } finally {
            watchdog.stop();
        }
    }

    @Override
    public void download(String remote, Path local, LongConsumer progress) throws ConnectionException {
        String source = transferPath(remote);
        Path directory = local.toAbsolutePath().getParent();
        Path partial;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, local.getFileName().toString(), ".part");
        } catch (IOException e) {
            throw new ConnectionException(FailureKind.VALIDATION, local + ": cannot write the downloaded file here ("
                    + describe(e) + ")", e);
        }
        ClientSession session = connection.session();
        Stall watchdog = new Stall(session, "download of " + remote);
        try {
            try (OutputStream out = new CountingOut(Files.newOutputStream(partial), watchdog, progress)) {
                copyFrom(session, source, out);
            }
            Files.move(partial, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw failure("download " + remote, watchdog, e);
        } finally {
            watchdog.stop();
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", partial, e);
            }
        }
    }

    @Override
    public Optional<RemoteFile> inspect(String remote) throws ConnectionException {
        String target = transferPath(remote);
        ClientSession session = connection.session();
        long size = RemoteFile.UNKNOWN_SIZE;
        if (protocol == TransferProtocol.SFTP) {
            Stall watchdog = new Stall(session, "stat of " + remote);
            try (SftpClient sftp = sftp(session)) {
                size = sftp.stat(target).getSize();
            } catch (IOException e) {
                if (isMissing(e)) {
                    return Optional.empty();
                }
                throw failure("ask the size of " + remote, watchdog, e);
            } finally {
                watchdog.stop();
            }
        }
        FileSystems.Checksum checksum = connection.profile().files().checksum();
        if (checksum != null) {
            String command = checksum.commandFor(remote);
            String output = connection.deviceCommand(command, CHECKSUM_TIMEOUT);
            Optional<String> md5 = checksum.md5(output);
            if (md5.isEmpty()) {
                LOG.debug("{}: \"{}\" printed no MD5: {}", connection.where(), command, output);
                if (protocol == TransferProtocol.SFTP) { // the file is there: the command failed
                    throw new ConnectionException(FailureKind.COMMAND, connection.where() + ": \"" + command
                            + "\" printed no MD5 for a file that exists: " + firstLines(output));
                }
                return Optional.empty();
            }
            return Optional.of(new RemoteFile(remote, size, md5.get(), command));
        }
        return readBack(session, remote, target);
    }

    /** The MD5 and size of a file read back over the protocol, for platforms without a checksum command. */
    private Optional<RemoteFile> readBack(ClientSession session, String remote, String target)
            throws ConnectionException {
        MessageDigest md5 = md5();
        Stall watchdog = new Stall(session, "read-back of " + remote);
        long[] size = {0};
        try (OutputStream digest = new CountingOut(new DigestOutputStream(OutputStream.nullOutputStream(), md5),
                watchdog, n -> size[0] = n)) {
            copyFrom(session, target, digest);
        } catch (IOException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw failure("read back " + remote, watchdog, e);
        } finally {
            watchdog.stop();
        }
        return Optional.of(new RemoteFile(remote, size[0], HexFormat.of().formatHex(md5.digest()),
                "read back over " + protocol));
    }

    private void copyFrom(ClientSession session, String source, OutputStream out) throws IOException {
        if (protocol == TransferProtocol.SFTP) {
            try (SftpClient sftp = sftp(session); InputStream in = sftp.read(source)) {
                in.transferTo(out);
            }
        } else {
            scp(session).download(source, out);
        }
    }

    private static SftpClient sftp(ClientSession session) throws IOException {
        return SftpClientFactory.instance().createSftpClient(session);
    }

    private static ScpClient scp(ClientSession session) {
        return ScpClientCreator.instance().createScpClient(session);
    }

    /** The device path checked and turned into the form the device's SCP/SFTP server takes. */
    private String transferPath(String remote) throws ConnectionException {
        if (remote == null || !SAFE_PATH.matcher(remote).matches()) {
            throw new ConnectionException(FailureKind.VALIDATION, connection.where() + ": remote path \"" + remote
                    + "\" cannot be used: it goes into the device's commands, so only letters, digits and"
                    + " . _ - + @ = , ~ : / are allowed (no blanks, quotes or shell characters)");
        }
        return connection.profile().files().transferPath(remote);
    }

    /**
     * Watches one transfer: when no byte moved for the idle limit, the session is closed (a blocked channel read has
     * no other way out) and the transfer fails with {@code TIMEOUT}.
     */
    private final class Stall {
        private final Duration idle;
        private final Watchdog watchdog;
        private volatile boolean expired;

        Stall(ClientSession session, String what) {
            SshOptions options = connection.options();
            this.idle = options.readTimeout() != null ? options.readTimeout() : options.commandTimeout();
            this.watchdog = new Watchdog(connection.timer(), options, () -> "the " + what + " stalled", TRANSFER_LIMIT,
                    idle, e -> {
                        expired = true;
                        session.close(true);
                    });
        }

        void touch() {
            watchdog.touch();
        }

        void stop() {
            watchdog.stop();
        }
    }

    private ConnectionException failure(String what, Stall stall, IOException e) {
        if (stall.expired) {
            return new ConnectionException(FailureKind.TIMEOUT, connection.where() + ": could not " + what
                    + ": no data moved for " + Failures.seconds(stall.idle) + " (the session was closed)", e, true);
        }
        ClientSession session = connection.currentSession();
        if (session == null || !session.isOpen() || session.isClosing()) {
            return new ConnectionException(FailureKind.CONNECTION, connection.where() + ": could not " + what
                    + ": the session closed (" + describe(e) + ")", e, true);
        }
        return new ConnectionException(FailureKind.COMMAND, connection.where() + ": could not " + what + " by "
                + protocol + ": " + describe(e), e);
    }

    /** Whether the server said the file does not exist (SFTP's status, SCP's message from the device). */
    private static boolean isMissing(IOException e) {
        if (e instanceof SftpException sftp) {
            return sftp.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE
                    || sftp.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("no such file") || message.contains("not found");
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage().strip() : e.getClass().getSimpleName();
    }

    private static String firstLines(String output) {
        String text = output.strip();
        return text.length() > 300 ? text.substring(0, 300) + " ..." : text;
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }

    /** Counts the bytes read, reports them, and tells the watchdog that data moves. */
    private static final class Counting extends FilterInputStream {
        private final Stall watchdog;
        private final LongConsumer progress;
        private long count;

        Counting(InputStream in, Stall watchdog, LongConsumer progress) {
            super(in);
            this.watchdog = watchdog;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, Math.min(len, CHUNK));
            if (n > 0) {
                count += n;
                watchdog.touch();
                progress.accept(count);
            }
            return n;
        }
    }

    /** Counts the bytes written, reports them, and tells the watchdog that data moves. */
    private static final class CountingOut extends FilterOutputStream {
        private final Stall watchdog;
        private final LongConsumer progress;
        private long count;

        CountingOut(OutputStream out, Stall watchdog, LongConsumer progress) {
            super(out);
            this.watchdog = watchdog;
            this.progress = progress;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
            watchdog.touch();
            progress.accept(count);
        }
    }
}
