package io.genja.testkit;

/**
 * What a simulated device answers to one command.
 *
 * @param exit whether the session ends after this reply ({@code exit}, {@code logout})
 */
record Reply(String stdout, String stderr, int exitStatus, boolean exit) {

    static Reply out(String stdout) {
        return new Reply(stdout, "", 0, false);
    }

    static Reply error(String stderr, int exitStatus) {
        return new Reply("", stderr, exitStatus, false);
    }

    static Reply logout() {
        return new Reply("", "", 0, true);
    }
}
