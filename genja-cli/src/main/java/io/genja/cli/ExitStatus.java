package io.genja.cli;

/** The exit statuses of the {@code genja} command; scripts and CI jobs rely on them. */
public final class ExitStatus {

    /** Every host passed (or, for {@code check}, nothing is wrong). */
    public static final int OK = 0;
    /** The run finished and at least one host failed or was unreachable. */
    public static final int HOSTS_FAILED = 1;
    /** Bad usage, configuration or input: nothing was run. */
    public static final int BAD_INPUT = 2;
    /** A bug in Genja or a plugin; rerun with {@code --debug} for the stack trace. */
    public static final int INTERNAL_ERROR = 3;
    /**
     * {@code genja run} was interrupted by Ctrl-C (SIGINT): 128 + 2, as shells expect. The hosts that had not
     * finished are reported as interrupted; the table and {@code --json} are still written.
     */
    public static final int INTERRUPTED = 130;

    private ExitStatus() {
    }
}
