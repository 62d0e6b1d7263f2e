package io.genja.testkit;

/**
 * What a simulated device answers to one command.
 *
 * @param exit whether the session ends after this reply ({@code exit}, {@code logout})
 * @param flow how the reply is written: as it is, as endless output, or not at all (a hung CLI)
 */
record Reply(String stdout, String stderr, int exitStatus, boolean exit, Flow flow) {

    /** How a reply reaches the client. */
    enum Flow {
        /** The reply, then the exit status or the prompt. */
        NORMAL,
        /** Output that never ends, until the client closes the channel ({@link Fault#ENDLESS_OUTPUT}). */
        ENDLESS,
        /** Nothing at all, ever again on this session ({@link Fault#IGNORE_PAGING_OFF}). */
        SILENT
    }

    Reply(String stdout, String stderr, int exitStatus, boolean exit) {
        this(stdout, stderr, exitStatus, exit, Flow.NORMAL);
    }

    static Reply out(String stdout) {
        return new Reply(stdout, "", 0, false);
    }

    static Reply error(String stderr, int exitStatus) {
        return new Reply("", stderr, exitStatus, false);
    }

    static Reply logout() {
        return new Reply("", "", 0, true);
    }

    static Reply endless() {
        return new Reply("", "", 0, false, Flow.ENDLESS);
    }

    static Reply silent() {
        return new Reply("", "", 0, false, Flow.SILENT);
    }
}
