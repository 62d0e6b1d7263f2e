package io.genja.connection;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A file on a device, as {@link FileTransfer#inspect} found it.
 *
 * @param path the path as the device names it, e.g. {@code flash:image.bin}
 * @param size its size in bytes, or {@link #UNKNOWN_SIZE} when the protocol cannot tell without reading the
 *             file (SCP with a checksum command on the device); read it through {@link #knownSize()}
 * @param md5 its MD5, 32 lower-case hex digits
 * @param checkedBy how the MD5 was computed: the device's command ({@code verify /md5 flash:image.bin}) or
 *                  {@code read back over SFTP}
 */
public record RemoteFile(String path, long size, String md5, String checkedBy) {

    /** The {@code size} of a file whose size the protocol cannot tell. */
    public static final long UNKNOWN_SIZE = -1;

    public RemoteFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(md5, "md5");
        Objects.requireNonNull(checkedBy, "checkedBy");
        if (size < UNKNOWN_SIZE) {
            throw new IllegalArgumentException("size must be a byte count or UNKNOWN_SIZE, got " + size);
        }
    }

    /** The size, when known. */
    public OptionalLong knownSize() {
        return size == UNKNOWN_SIZE ? OptionalLong.empty() : OptionalLong.of(size);
    }
}
