package io.genja.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code logging} section, read by the CLI (the library itself logs through SLF4J and configures nothing).
 *
 * @param level one of {@link #LEVELS}, upper case
 * @param logFile where the CLI writes the log (when {@code enabled})
 */
public record LoggingSettings(boolean enabled, String level, Path logFile, boolean toConsole) {

    /** The levels {@code logging.level} may name (any case); {@code WARN} is read as {@code WARNING}. */
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

    public static final LoggingSettings DEFAULTS = new LoggingSettings(true, "INFO", Path.of("genja.log"), false);

    public LoggingSettings {
        Objects.requireNonNull(level, "level");
    }
}
