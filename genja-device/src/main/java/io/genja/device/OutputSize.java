package io.genja.device;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as the CLI transports' output caps are written ({@code max_output: 64MiB}): read and shown in binary units,
 * the same for every transport.
 */
public final class OutputSize {

    /** What a size may look like, for messages. */
    public static final String FORMAT = "a size in bytes, e.g. 67108864, 64MiB or 512KiB (KiB, MiB, GiB; "
            + "K, M, G mean the same), at least 1KiB";

    private static final Pattern SIZE = Pattern.compile(
            "(\\d{1,19})\\s*(?:([KMG])(?:i?B)?|B)?", Pattern.CASE_INSENSITIVE);

    private OutputSize() {
    }

    /**
     * Reads a size such as {@code 67108864}, {@code 64MiB}, {@code 64M} or {@code 512 KiB} (binary units); empty when
     * {@code text} is not one, or is below 1 KiB.
     */
    public static OptionalLong parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            long number = Long.parseLong(m.group(1));
            int shift = m.group(2) == null ? 0 : switch (Character.toUpperCase(m.group(2).charAt(0))) {
                case 'K' -> 10;
                case 'M' -> 20;
                default -> 30;
            };
            if (number > (Long.MAX_VALUE >> shift) || (number << shift) < 1024) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(number << shift);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A size for messages: {@code 64 MiB}, {@code 1536 KiB}, {@code 1000 bytes}. */
    public static String describe(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
