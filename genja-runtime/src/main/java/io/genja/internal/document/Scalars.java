package io.genja.internal.document;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typing of plain YAML scalars by the YAML 1.2 core schema ({@code null ~ true false}, integers, floats; every
 * other plain scalar is a string), and sharing of repeated short strings so that a large inventory keeps one
 * copy of each group name and platform.
 */
final class Scalars {

    private static final int SHARED_MAX_LENGTH = 64;
    private static final int SHARED_MAX_ENTRIES = 4096;
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private final Map<String, String> shared = new HashMap<>();

    /**
     * One instance per distinct short string, so repeated values cost one reference each. The table stops
     * growing at {@link #SHARED_MAX_ENTRIES}: repeated values (keys, group names, platforms) show up early, while
     * unique ones (host names, addresses) would only fill it.
     */
    String share(String value) {
        if (value.length() > SHARED_MAX_LENGTH) {
            return value;
        }
        String earlier = shared.get(value);
        if (earlier != null) {
            return earlier;
        }
        if (shared.size() < SHARED_MAX_ENTRIES) {
            shared.put(value, value);
        }
        return value;
    }

    /** The typed value of a plain (unquoted, untagged) scalar. */
    Object resolvePlain(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        // Most scalars are names and addresses: decide cheaply that they are strings.
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.' && first != '~'
                && first != 'n' && first != 'N' && first != 't' && first != 'T' && first != 'f' && first != 'F') {
            return share(text);
        }
        switch (text) {
            case "~", "null", "Null", "NULL":
                return null;
            case "true", "True", "TRUE":
                return Boolean.TRUE;
            case "false", "False", "FALSE":
                return Boolean.FALSE;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            default:
                break;
        }
        Object number = number(text);
        return number != null ? number : share(text);
    }

    /** A value of the core schema's {@code !!int} or {@code !!float} shapes, or {@code null}. */
    static Object number(String text) {
        if (!mayBeNumber(text)) {
            return null;
        }
        if (isDigits(text, text.startsWith("-") || text.startsWith("+") ? 1 : 0)) {
            return integer(text.startsWith("+") ? text.substring(1) : text, 10);
        }
        if (OCTAL.matcher(text).matches()) {
            return integer(text.substring(2), 8);
        }
        if (HEX.matcher(text).matches()) {
            return integer(text.substring(2), 16);
        }
        if (FLOAT.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        return null;
    }

    /** Cheap rejection of what cannot be a number: addresses like 10.0.0.1, names, dates. */
    private static boolean mayBeNumber(String text) {
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == 'x' || c == 'o'
                    || c == '+' || c == '-')) {
                return false;
            }
        }
        return dots <= 1;
    }

    private static boolean isDigits(String text, int from) {
        if (text.length() <= from) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Object integer(String digits, int radix) {
        BigInteger value = new BigInteger(digits, radix);
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value;
    }
}
