package io.genja.testkit;

/** The SSH user authentication methods a {@link SimulatedDevice} accepts. */
public enum AuthMethod {
    PASSWORD,
    PUBLIC_KEY,
    KEYBOARD_INTERACTIVE
}
