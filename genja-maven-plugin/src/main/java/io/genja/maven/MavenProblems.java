package io.genja.maven;

import io.genja.document.Problem;

/**
 * Problems in the form Maven's compiler prints its diagnostics, {@code /path/hosts.yaml:[7,13] message}, which IDEs
 * and CI annotations turn into a mark on the line.
 */
final class MavenProblems {

    private MavenProblems() {
    }

    static String format(Problem problem) {
        if (problem.file() == null) {
            return problem.message();
        }
        if (problem.line() <= 0) {
            return problem.file() + ": " + problem.message();
        }
        return problem.file() + ":[" + problem.line() + "," + problem.column() + "] " + problem.message();
    }

    /** {@code 1 problem}, {@code 3 problems}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
