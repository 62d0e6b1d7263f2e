package io.genja.tasks;

/** Which way {@link FileCopy} copies. */
public enum CopyDirection {
    /** From this machine to the device. */
    UPLOAD,
    /** From the device to this machine. */
    DOWNLOAD
}
