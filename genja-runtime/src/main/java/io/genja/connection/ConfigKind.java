package io.genja.connection;

/**
 * How a platform's configuration changes take effect: the model named in its profile ({@code config.model},
 * docs/platforms.md). It decides what a {@link ConfigSession}'s methods do (docs/changes.md has the table).
 */
public enum ConfigKind {
    /** The profile describes no configuration model: {@link DeviceCli#configure()} fails as unsupported. */
    NONE,
    /** Each line changes the running configuration as it is entered (IOS, IOS-XE); nothing to commit. */
    RUNNING,
    /** Lines go to a candidate that a commit applies (IOS-XR, Junos). */
    CANDIDATE,
    /** Lines go to a named configuration session that a commit applies (EOS). */
    SESSION,
    /** Lines change the running configuration; a checkpoint taken on entering is the way back (NX-OS). */
    CHECKPOINT;

    /** Whether changes wait for a {@link ConfigSession#commit()}: {@link #CANDIDATE} and {@link #SESSION}. */
    public boolean hasCandidate() {
        return this == CANDIDATE || this == SESSION;
    }
}
