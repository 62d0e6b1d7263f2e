package io.genja.inventory;

/**
 * One place a host inherits from: the host itself, one of its groups, or the defaults.
 *
 * @param name the host's or group's name; {@code null} for the defaults
 */
record Source(Kind kind, String name, Attributes attributes) {

    enum Kind { HOST, GROUP, DEFAULTS }

    /** {@code host router1}, {@code group core}, {@code defaults}. */
    String describe() {
        return switch (kind) {
            case HOST -> "host " + name;
            case GROUP -> "group " + name;
            case DEFAULTS -> "defaults";
        };
    }
}
