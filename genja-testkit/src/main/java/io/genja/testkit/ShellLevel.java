package io.genja.testkit;

import java.util.Locale;

/**
 * The privilege level a shell session on a simulated device is in, as its prompt shows it; the names of the
 * platform profile's {@code privilege.levels}.
 */
public enum ShellLevel {
    /** {@code router>}: before {@code enable}. */
    USER,
    /** {@code router#}: exec commands, Junos's operational mode. */
    PRIVILEGED,
    /** {@code router(config)#} and its sub-modes, Junos's configuration mode. */
    CONFIG;

    /** The level's name in a platform profile, e.g. {@code privileged}. */
    public String profileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
