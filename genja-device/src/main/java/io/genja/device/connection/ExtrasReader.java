package io.genja.device.connection;

import io.genja.connection.ConnectionException;
import io.genja.device.OutputSize;
import io.genja.task.FailureKind;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads a host's typed connection extras (strings, seconds, output sizes) the same way for every CLI transport,
 * failing with the host, the key, the bad value and what would be right. Transports add their own keys by
 * extending it.
 */
public class ExtrasReader {

    protected final String host;
    protected final Map<String, Object> extras;

    public ExtrasReader(String host, Map<String, Object> extras) {
        this.host = host;
        this.extras = extras;
    }

    /** A {@code VALIDATION} failure: "host H: KEY must be EXPECTED, got "VALUE"". */
    public ConnectionException invalid(String key, Object value, String expected) {
        return new ConnectionException(FailureKind.VALIDATION, "host " + host + ": " + key + " must be "
                + expected + ", got \"" + value + "\"");
    }

    /** {@code extras.KEY} as text (numbers and booleans as written), or {@code null} when not set. */
    public String string(String key) throws ConnectionException {
        Object value = extras.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw invalid("extras." + key, value, "a string");
    }

    /** {@code extras.KEY}, a positive number of seconds up to a day, or {@code fallback} when not set. */
    public Duration seconds(String key, Duration fallback) throws ConnectionException {
        return seconds(key, fallback, false);
    }

    /** As {@link #seconds(String, Duration)}, where 0 also is allowed and means off. */
    public Duration secondsOrOff(String key, Duration fallback) throws ConnectionException {
        return seconds(key, fallback, true);
    }

    private Duration seconds(String key, Duration fallback, boolean zeroAllowed) throws ConnectionException {
        Object value = extras.get(key);
        if (value == null) {
            return fallback;
        }
        double seconds;
        try {
            seconds = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw invalid("extras." + key, value, "a number of seconds, e.g. 30");
        }
        if (Double.isNaN(seconds) || seconds < 0 || (seconds == 0 && !zeroAllowed) || seconds > 86_400) {
            throw invalid("extras." + key, value, zeroAllowed ? "0 (off) or a positive number of seconds"
                    : "a positive number of seconds, at most 86400");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** {@code extras.KEY} as a byte count ({@link OutputSize#FORMAT}), or {@code fallback} when not set. */
    public long size(String key, long fallback) throws ConnectionException {
        Object value = extras.get(key);
        if (value == null) {
            return fallback;
        }
        boolean valid = value instanceof String || value instanceof Integer || value instanceof Long;
        OptionalLong size = valid ? OutputSize.parse(String.valueOf(value)) : OptionalLong.empty();
        return size.orElseThrow(() -> invalid("extras." + key, value, OutputSize.FORMAT));
    }
}
