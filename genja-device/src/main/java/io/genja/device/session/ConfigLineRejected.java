package io.genja.device.session;

import java.util.List;
import java.util.Objects;

/** The device rejected a configuration line: which line, the device's error line, the lines applied before it. */
public final class ConfigLineRejected extends DeviceCliException {

    private static final long serialVersionUID = 1L;

    private final String line;
    private final String deviceMessage;
    private final List<String> applied;

    public ConfigLineRejected(String message, String line, String deviceMessage, List<String> applied) {
        super(Kind.COMMAND, message);
        this.line = Objects.requireNonNull(line, "line");
        this.deviceMessage = Objects.requireNonNull(deviceMessage, "deviceMessage");
        this.applied = List.copyOf(applied);
    }

    public String line() {
        return line;
    }

    public String deviceMessage() {
        return deviceMessage;
    }

    public List<String> applied() {
        return applied;
    }
}
