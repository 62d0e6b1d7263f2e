package io.genja.connection;

import io.genja.task.FailureKind;
import java.util.List;
import java.util.Objects;

/**
 * The device rejected a configuration line; of kind {@code COMMAND}. Says which line, what the device answered,
 * and which lines were applied before it (on a candidate platform those were discarded with the candidate).
 */
public final class ConfigRejectedException extends ConnectionException {

    private static final long serialVersionUID = 1L;

    private final String line;
    private final String deviceMessage;
    private final List<String> applied;

    /**
     * @param message the whole message, naming the host and what happened to the lines before
     * @param line the rejected line as sent
     * @param deviceMessage the device's error line, e.g. {@code % Invalid input detected at '^' marker.}
     * @param applied the lines the device accepted before {@code line}, in order
     */
    public ConfigRejectedException(String message, String line, String deviceMessage, List<String> applied) {
        super(FailureKind.COMMAND, message);
        this.line = Objects.requireNonNull(line, "line");
        this.deviceMessage = Objects.requireNonNull(deviceMessage, "deviceMessage");
        this.applied = List.copyOf(applied);
    }

    /** The rejected line as sent. */
    public String line() {
        return line;
    }

    /** The device's error line. */
    public String deviceMessage() {
        return deviceMessage;
    }

    /** The lines accepted before the rejected one (still in effect only where lines take effect as applied). */
    public List<String> applied() {
        return applied;
    }
}
