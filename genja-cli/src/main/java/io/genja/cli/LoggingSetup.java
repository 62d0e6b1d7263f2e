package io.genja.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.io.PrintStream;
import io.genja.settings.LoggingSettings;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Configures logging for the command: the library only logs through SLF4J, the command decides where it goes
 * (the settings' {@code logging} section, or the console at DEBUG with {@code --debug}).
 */
final class LoggingSetup {

    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n";

    /** Whether {@link #configure} is the one starting Logback (see {@link CommandLogbackConfigurator}). */
    private static volatile boolean startingLogback;

    private LoggingSetup() {
    }

    /**
     * Where log events go.
     *
     * @param enabled whether to log at all
     * @param level the root level, for example {@code INFO}
     * @param logFile a file to append to, or {@code null}
     * @param toConsole whether to log to the command's error stream
     * @param fileSize bytes after which the log file rolls over to {@code genja.log.1}; {@code 0} never
     * @param maxFileCount rolled-over files kept ({@code genja.log.1} … {@code genja.log.N})
     */
    record Config(boolean enabled, String level, Path logFile, boolean toConsole, long fileSize, int maxFileCount) {

        /** Before the settings are read: warnings to the console, or everything with {@code --debug}. */
        static Config console(boolean debug) {
            return new Config(true, debug ? "DEBUG" : "WARN", null, true, 0, 1);
        }

        /** The settings' {@code logging} section; {@code --debug} adds DEBUG on the console. */
        static Config of(LoggingSettings logging, boolean debug) {
            String level = switch (logging.level()) {
                case "WARNING" -> "WARN";
                case "CRITICAL" -> "ERROR";
                default -> logging.level();
            };
            return debug ? new Config(true, "DEBUG", logging.enabled() ? logging.logFile() : null, true,
                    logging.fileSize(), logging.maxFileCount())
                    : new Config(logging.enabled(), level, logging.logFile(), logging.toConsole(), logging.fileSize(),
                    logging.maxFileCount());
        }
    }

    /** Replaces the logging configuration; does nothing when SLF4J is bound to something other than Logback. */
    static void configure(PrintStream console, Config config) {
        if (!(startingLogback(LoggerFactory::getILoggerFactory) instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!config.enabled()) {
            root.setLevel(Level.OFF);
            return;
        }
        Level level = Level.toLevel(config.level(), Level.INFO);
        root.setLevel(level);
        if (level.isGreaterOrEqual(Level.INFO)) {
            // MINA SSHD reports every closed socket at WARN and its life story at INFO; DEBUG shows it all
            context.getLogger("org.apache.sshd").setLevel(Level.ERROR);
        }
        if (config.toConsole()) {
            OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
            appender.setName("console");
            appender.setContext(context);
            appender.setEncoder(encoder(context));
            appender.setOutputStream(new NonClosing(console));
            appender.start();
            root.addAppender(appender);
        }
        if (config.logFile() != null) {
            FileAppender<ILoggingEvent> appender = config.fileSize() > 0 ? rolling(context, config)
                    : plain(context, config);
            appender.setName("file");
            appender.setAppend(true);
            appender.setEncoder(encoder(context));
            appender.start();
            root.addAppender(appender);
        }
    }

    /** Runs {@code start}, which may start Logback, telling {@link CommandLogbackConfigurator} to leave it bare. */
    static <T> T startingLogback(Supplier<T> start) {
        startingLogback = true;
        try {
            return start.get();
        } finally {
            startingLogback = false;
        }
    }

    static boolean startingLogback() {
        return startingLogback;
    }

    private static FileAppender<ILoggingEvent> plain(LoggerContext context, Config config) {
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(config.logFile().toString());
        return appender;
    }

    /**
     * {@code logging.file_size} and {@code logging.max_file_count}: past the size the log moves to
     * {@code genja.log.1} (the older ones shift up), keeping at most {@code max_file_count} of them.
     */
    private static RollingFileAppender<ILoggingEvent> rolling(LoggerContext context, Config config) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setFile(config.logFile().toString()); // before the policies: logback requires that order
        FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
        window.setContext(context);
        window.setParent(appender);
        window.setFileNamePattern(config.logFile() + ".%i");
        window.setMinIndex(1);
        window.setMaxIndex(config.maxFileCount());
        window.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(new FileSize(config.fileSize()));
        // the size is checked on every event: the CLI logs little, and logback's default (once a minute) lets a
        // burst of a run grow the file far past its size
        size.setCheckIncrement(Duration.buildByMilliseconds(0));
        size.start();
        appender.setRollingPolicy(window);
        appender.setTriggeringPolicy(size);
        return appender;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    /** The console belongs to the caller: resetting the logging configuration must not close it. */
    private static final class NonClosing extends java.io.OutputStream {
        private final PrintStream out;

        NonClosing(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.write(b, off, len);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
