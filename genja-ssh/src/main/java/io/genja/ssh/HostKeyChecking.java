package io.genja.ssh;

import java.util.Locale;
import java.util.Optional;

/**
 * What to do with a host key that no {@code known_hosts} file lists ({@code extras.strict_host_key_checking}).
 * A key that differs from a recorded one is refused in every mode.
 */
public enum HostKeyChecking {

    /** Refuse unknown keys (the default, as OpenSSH's {@code StrictHostKeyChecking yes}). */
    YES,

    /** Accept an unknown key and record it in the known-hosts file. */
    ACCEPT_NEW,

    /** Accept an unknown key without recording it. */
    NO;

    static Optional<HostKeyChecking> parse(Object value) {
        if (value instanceof Boolean b) {
            return Optional.of(b ? YES : NO);
        }
        return switch (String.valueOf(value).strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "strict" -> Optional.of(YES);
            case "accept-new", "accept_new" -> Optional.of(ACCEPT_NEW);
            case "no", "false", "off" -> Optional.of(NO);
            default -> Optional.empty();
        };
    }
}
