package io.genja.device;

import java.util.Locale;
import java.util.Optional;

/** How a connection runs commands. */
public enum Mode {

    /** One exec channel per command: stdout, stderr and the exit status are kept apart. */
    EXEC,

    /** One interactive shell per host, kept open: the prompt ends each command's output. */
    SHELL;

    /** The mode called {@code name} ({@code exec} or {@code shell}, any case). */
    public static Optional<Mode> parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "exec" -> Optional.of(EXEC);
            case "shell" -> Optional.of(SHELL);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
