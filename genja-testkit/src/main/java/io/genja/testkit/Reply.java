package io.genja.testkit;

import java.util.function.Function;

/**
 * What a simulated device answers to one command.
 *
 * @param exit whether the session ends after this reply ({@code exit}, {@code logout})
 * @param flow how the reply is written: as it is, as endless output, not at all (a hung CLI), or cut off by a
 *             dropped connection
 * @param question a question the device asks after the output instead of showing its prompt, or {@code null}
 */
record Reply(String stdout, String stderr, int exitStatus, boolean exit, Flow flow, Question question) {

    /** How a reply reaches the client. */
    enum Flow {
        /** The reply, then the exit status or the prompt. */
        NORMAL,
        /** Output that never ends, until the client closes the channel ({@link Fault#ENDLESS_OUTPUT}). */
        ENDLESS,
        /** Nothing at all, ever again on this session ({@link Fault#IGNORE_PAGING_OFF}). */
        SILENT,
        /** Nothing; the device drops the SSH session (a fault during a change, a reload). */
        DROP
    }

    /**
     * A question such as {@code Proceed with reload? [confirm]}: printed without a newline, answered by the next
     * line the client sends (not echoed when {@code secret}).
     */
    record Question(String text, boolean secret, Function<String, Reply> answer) {
    }

    Reply(String stdout, String stderr, int exitStatus, boolean exit, Flow flow) {
        this(stdout, stderr, exitStatus, exit, flow, null);
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

    static Reply drop() {
        return new Reply("", "", 0, false, Flow.DROP);
    }

    /** Prints {@code output} (may be empty), then asks. */
    static Reply ask(String output, Question question) {
        return new Reply(output, "", 0, false, Flow.NORMAL, question);
    }
}
