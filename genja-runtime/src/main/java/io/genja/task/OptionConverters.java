package io.genja.task;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Converts raw option values (strings from the command line, or Java values) to the types that
 * {@code @TaskOption} fields may have. Called by generated adapters; every failure is a
 * {@link FailureKind#VALIDATION} {@link TaskException} naming the option, the value and what was expected.
 */
public final class OptionConverters {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private OptionConverters() {
    }

    public static String toStringValue(Object raw, String option) {
        return raw.toString();
    }

    public static int toInt(Object raw, String option) throws TaskException {
        long value = toLong(raw, option, "an int");
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(option, raw, "an int");
        }
        return (int) value;
    }

    public static long toLong(Object raw, String option) throws TaskException {
        return toLong(raw, option, "a long");
    }

    public static short toShort(Object raw, String option) throws TaskException {
        long value = toLong(raw, option, "a short");
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw invalid(option, raw, "a short");
        }
        return (short) value;
    }

    public static byte toByte(Object raw, String option) throws TaskException {
        long value = toLong(raw, option, "a byte");
        if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
            throw invalid(option, raw, "a byte");
        }
        return (byte) value;
    }

    public static double toDouble(Object raw, String option) throws TaskException {
        if (raw instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid(option, raw, "a number");
        }
    }

    public static float toFloat(Object raw, String option) throws TaskException {
        return (float) toDouble(raw, option);
    }

    public static char toChar(Object raw, String option) throws TaskException {
        String text = raw.toString();
        if (text.length() != 1) {
            throw invalid(option, raw, "a single character");
        }
        return text.charAt(0);
    }

    /** Accepts {@code true/false}, {@code yes/no}, {@code on/off} and {@code 1/0}, in any case. */
    public static boolean toBoolean(Object raw, String option) throws TaskException {
        if (raw instanceof Boolean bool) {
            return bool;
        }
        switch (raw.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw invalid(option, raw, "true or false");
        }
    }

    /**
     * Accepts a {@link Duration}, a number of seconds, a number with a unit ({@code 500ms}, {@code 30s},
     * {@code 5m}, {@code 2h}, {@code 1d}) or an ISO-8601 duration ({@code PT30S}).
     */
    public static Duration toDuration(Object raw, String option) throws TaskException {
        if (raw instanceof Duration duration) {
            return duration;
        }
        if (raw instanceof Number number) {
            return Duration.ofMillis(Math.round(number.doubleValue() * 1000));
        }
        String text = raw.toString().trim();
        Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(option, raw, "a duration such as 30s, 500ms, 5m or PT30S");
        }
    }

    public static Path toPath(Object raw, String option) throws TaskException {
        if (raw instanceof Path path) {
            return path;
        }
        try {
            return Path.of(raw.toString());
        } catch (InvalidPathException e) {
            throw invalid(option, raw, "a file path");
        }
    }

    /** Accepts a {@code List} or a comma-separated string ({@code a,b,c}; blanks around items are trimmed). */
    public static List<String> toStringList(Object raw, String option) {
        if (raw instanceof List<?> list) {
            List<String> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(String.valueOf(item));
            }
            return List.copyOf(items);
        }
        String text = raw.toString().trim();
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).collect(Collectors.toUnmodifiableList());
    }

    /** Matches a constant by name, ignoring case and treating {@code -} as {@code _}. */
    public static <E extends Enum<E>> E toEnum(Object raw, String option, E[] constants) throws TaskException {
        if (constants.length > 0 && constants[0].getDeclaringClass().isInstance(raw)) {
            return constants[0].getDeclaringClass().cast(raw);
        }
        String text = raw.toString().trim().replace('-', '_');
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        String known = Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        throw invalid(option, raw, "one of " + known);
    }

    /** The error for a required option that was not given. */
    public static TaskException missing(String task, String option) {
        return new TaskException(FailureKind.VALIDATION,
                "task \"" + task + "\" needs option \"" + option + "\"; give it with -o " + option + "=<value>");
    }

    private static long toLong(Object raw, String option, String expected) throws TaskException {
        if (raw instanceof Number number) {
            if (number instanceof Double || number instanceof Float) {
                double d = number.doubleValue();
                if (d != Math.rint(d)) {
                    throw invalid(option, raw, expected);
                }
            }
            return number.longValue();
        }
        try {
            return Long.parseLong(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid(option, raw, expected);
        }
    }

    private static TaskException invalid(String option, Object raw, String expected) {
        return new TaskException(FailureKind.VALIDATION,
                "option \"" + option + "\" has value \"" + raw + "\", which is not " + expected);
    }
}
