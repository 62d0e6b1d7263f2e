package io.genja.connection;

/** Which configuration {@link DeviceCli#config(ConfigSource)} reads. */
public enum ConfigSource {
    /** The configuration in effect. */
    RUNNING,
    /** The configuration the device boots with (IOS, IOS-XE, NX-OS, EOS). */
    STARTUP,
    /** The candidate being edited, only inside an open {@link ConfigSession} of a candidate or session platform. */
    CANDIDATE
}
