package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.settings.LoggingSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code logging.file_size} and {@code logging.max_file_count} roll the CLI's log file over. */
class LoggingSetupTest {

    private final PrintStream console = new PrintStream(new ByteArrayOutputStream());

    @AfterEach
    void quiet() {
        LoggingSetup.configure(console, LoggingSetup.Config.console(false));
    }

    @Test
    void theLogRollsOverPastFileSizeKeepingMaxFileCountFiles(@TempDir Path dir) {
        Path log = dir.resolve("genja.log");
        LoggingSettings logging = new LoggingSettings(true, "INFO", log, false, 2_000, 2);
        LoggingSetup.configure(console, LoggingSetup.Config.of(logging, false));
        Logger logger = LoggerFactory.getLogger(LoggingSetupTest.class);

        for (int i = 0; i < 200; i++) {
            logger.info("a line of about a hundred and fifty characters with the pattern, 200 of them fill 15 files");
        }

        assertThat(log).exists();
        assertThat(dir.resolve("genja.log.1")).exists();
        assertThat(dir.resolve("genja.log.2")).exists();
        assertThat(dir.resolve("genja.log.3")).doesNotExist();
        assertThat(log.toFile().length()).isLessThan(2_000 + 200);
    }

    @Test
    void aFileSizeOfZeroNeverRollsOver(@TempDir Path dir) {
        Path log = dir.resolve("genja.log");
        LoggingSetup.configure(console, LoggingSetup.Config.of(new LoggingSettings(true, "INFO", log, false, 0, 2),
                false));
        Logger logger = LoggerFactory.getLogger(LoggingSetupTest.class);
        for (int i = 0; i < 2_000; i++) {
            logger.info("a line of about a hundred characters, to fill the log file past any small size ........");
        }

        assertThat(log).exists();
        assertThat(dir.resolve("genja.log.1")).doesNotExist();
    }
}
