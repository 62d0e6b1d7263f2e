package io.genja.connection;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Copies files to and from a device over a connection, as {@link Connection#files(TransferProtocol)} and
 * {@link io.genja.task.TaskRuntimeContext#files(TransferProtocol)} offer it (the ssh plugin: SFTP or SCP on the
 * connection's own session, each transfer on a new channel). Remote paths are written the way the device's CLI
 * names them ({@code flash:image.bin}, {@code bootflash:image.bin}, {@code /var/tmp/image.tgz}); the connection
 * turns them into what the device's SCP/SFTP server expects, from the platform's profile (docs/file-transfer.md).
 *
 * <p>Failures are {@link ConnectionException}s: {@code VALIDATION} for a path the device cannot be asked about
 * safely (blanks, quotes, shell characters) or a local file that cannot be read, {@code COMMAND} when the device
 * refuses the transfer (no such directory, no space, permission), {@code CONNECTION} when the session broke,
 * {@code TIMEOUT}, {@code UNSUPPORTED} when the device does not offer the protocol.
 */
public interface FileTransfer {

    /** The protocol this transfer uses. */
    TransferProtocol protocol();

    /**
     * Where files go on this device when a copy names no directory, from its platform's profile: {@code flash:},
     * {@code bootflash:}, {@code /var/tmp/}; empty when the profile names none.
     */
    Optional<String> defaultDirectory();

    /**
     * Copies {@code local} to {@code remote}, replacing a file that is there.
     *
     * @param progress receives the number of bytes sent so far, as they go (from the calling thread)
     */
    void upload(Path local, String remote, LongConsumer progress) throws ConnectionException;

    /**
     * Copies {@code remote} to {@code local}, replacing a file that is there; a failed copy leaves no partial file.
     *
     * @param progress receives the number of bytes received so far, as they come
     */
    void download(String remote, Path local, LongConsumer progress) throws ConnectionException;

    /**
     * The file's MD5 (and size, when the protocol tells it) as the device has it: computed on the device with the
     * platform's own command where its profile has one ({@code verify /md5}, {@code md5sum}, ...), else by reading
     * the file back over this protocol.
     *
     * @return empty when there is no such file
     */
    Optional<RemoteFile> inspect(String remote) throws ConnectionException;
}
