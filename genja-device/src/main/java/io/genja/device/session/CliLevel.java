package io.genja.device.session;

/** The privilege level a session is in, from its prompt and the profile's {@code privilege.levels}. */
public enum CliLevel {
    USER, PRIVILEGED, CONFIG
}
