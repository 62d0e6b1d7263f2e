package io.genja.ssh;

import java.util.Locale;
import java.util.Optional;

/** The kinds of SSH algorithms whose legacy members can be enabled one kind at a time. */
public enum AlgorithmCategory {
    KEX,
    HOST_KEY,
    CIPHER,
    MAC;

    static Optional<AlgorithmCategory> parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "kex" -> Optional.of(KEX);
            case "host_key", "hostkey" -> Optional.of(HOST_KEY);
            case "cipher", "ciphers" -> Optional.of(CIPHER);
            case "mac", "macs" -> Optional.of(MAC);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
