package io.genja.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code logging} section, read by the CLI (the library itself logs through SLF4J and configures nothing).
 *
 * @param level one of {@link #LEVELS}, upper case
 * @param logFile where the CLI writes the log (when {@code enabled})
 * @param fileSize {@code logging.file_size}: bytes after which the CLI rolls the log file over; {@code 0} never
 * @param maxFileCount {@code logging.max_file_count}: rolled-over files kept besides the current one
 */
public record LoggingSettings(boolean enabled, String level, Path logFile, boolean toConsole, long fileSize,
                              int maxFileCount) {

    /** The levels {@code logging.level} may name (any case); {@code WARN} is read as {@code WARNING}. */
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

    /** {@code logging.file_size} when not set: 10 MiB, as Genja's {@code config.example.yaml}. */
    public static final long DEFAULT_FILE_SIZE = 10L * 1024 * 1024;

    /** {@code logging.max_file_count} when not set. */
    public static final int DEFAULT_MAX_FILE_COUNT = 10;

    public static final LoggingSettings DEFAULTS = new LoggingSettings(true, "INFO", Path.of("genja.log"), false);

    public LoggingSettings {
        Objects.requireNonNull(level, "level");
        if (fileSize < 0) {
            throw new IllegalArgumentException("fileSize must be 0 (no rotation) or more, not " + fileSize);
        }
        if (maxFileCount < 1) {
            throw new IllegalArgumentException("maxFileCount must be at least 1, not " + maxFileCount);
        }
    }

    /** With the default rotation ({@link #DEFAULT_FILE_SIZE}, {@link #DEFAULT_MAX_FILE_COUNT}). */
    public LoggingSettings(boolean enabled, String level, Path logFile, boolean toConsole) {
        this(enabled, level, logFile, toConsole, DEFAULT_FILE_SIZE, DEFAULT_MAX_FILE_COUNT);
    }
}
