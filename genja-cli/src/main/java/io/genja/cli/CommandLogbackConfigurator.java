package io.genja.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's start-up configuration when the command is the one starting Logback: none. {@link LoggingSetup} resets
 * the context and configures it from the settings right after, so reading a {@code logback.xml} first would be work
 * thrown away (about a tenth of a second of a short run's CPU: Logback's XML machinery is most of its start-up).
 * When anything else starts Logback (an application embedding the library), its usual configuration applies.
 *
 * <p>Found by Logback through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class CommandLogbackConfigurator extends ContextAwareBase implements Configurator {

    /** Logback instantiates it through its service file. */
    public CommandLogbackConfigurator() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return LoggingSetup.startingLogback() ? ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY : ExecutionStatus.NEUTRAL;
    }
}
