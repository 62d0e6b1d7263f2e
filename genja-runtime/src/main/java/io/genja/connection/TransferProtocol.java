package io.genja.connection;

/** How {@link FileTransfer} moves files over a connection's session. */
public enum TransferProtocol {
    /** The SSH File Transfer Protocol: a subsystem channel; can also ask a file's size. */
    SFTP,
    /** The classic {@code scp} protocol: an exec channel running {@code scp -t} or {@code scp -f} on the device. */
    SCP
}
