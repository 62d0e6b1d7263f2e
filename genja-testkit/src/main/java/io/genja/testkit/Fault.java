package io.genja.testkit;

/** How a {@link SimulatedDevice} misbehaves, to test what a client does when a device does. */
public enum Fault {

    /** Behaves well. */
    NONE,

    /** Rejects every authentication attempt. */
    REFUSE_AUTH,

    /**
     * Sends the first lines of a command's output, then drops the connection (commands without output, such as
     * paging off at login, are answered).
     */
    DROP_MID_COMMAND,

    /** Accepts the TCP connection but never sends the SSH banner (a plain socket that stays silent). */
    NO_BANNER,

    /** Sends command output one line at a time, {@link SimulatedDevice.Builder#slowLineDelay} apart. */
    SLOW_OUTPUT,

    /**
     * Logs in and runs commands, but never answers a keep-alive request: what a client sees of a device whose
     * SSH process hung, or of a link that died without a TCP reset.
     */
    IGNORE_KEEPALIVES,

    /**
     * Logs in, turns paging off, then answers every other command with output that never ends (in exec and shell
     * mode alike): what a client sees of a runaway {@code debug} or a device flooding its console.
     */
    ENDLESS_OUTPUT,

    /**
     * Shows its prompt in a shell and echoes the paging-off command, then never answers it (no output, no prompt)
     * nor anything after it: a CLI that hung after login.
     */
    IGNORE_PAGING_OFF,

    /**
     * Accepts file copies over SFTP and SCP but stores each file with its last byte changed: a flash that corrupts
     * what it writes. The device's checksum command then reports the corrupted file's MD5.
     */
    CORRUPT_FILE_WRITES
}
