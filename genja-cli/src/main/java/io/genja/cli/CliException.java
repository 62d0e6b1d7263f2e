package io.genja.cli;

import java.util.List;

/**
 * Bad usage, configuration or input, found by the command itself. Printed as one line (plus one line per
 * problem when there are several), and the command exits with {@link ExitStatus#BAD_INPUT}.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    CliException(String message) {
        this(message, List.of());
    }

    CliException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Further problems to print one per line under the message; may be empty. */
    List<String> problems() {
        return problems;
    }
}
