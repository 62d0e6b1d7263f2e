package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.Test;

/** Logback's own start-up configuration is skipped only when the command starts Logback (it replaces it at once). */
class CommandLogbackConfiguratorTest {

    @Test
    void startedByTheCommandLogbackReadsNoConfiguration() {
        LoggerContext context = new LoggerContext();

        LoggingSetup.startingLogback(() -> autoConfigure(context));

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.iteratorForAppenders()).isExhausted();
    }

    @Test
    void startedByAnythingElseLogbackConfiguresAsUsual() {
        LoggerContext context = new LoggerContext();

        autoConfigure(context);

        // a logback(-test).xml or, without one, Logback's console fallback
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.iteratorForAppenders()).hasNext();
    }

    private static LoggerContext autoConfigure(LoggerContext context) {
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        return context;
    }
}
