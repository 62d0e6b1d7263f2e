package io.genja.device;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a platform changes its configuration: entering and leaving configuration mode and, where the platform has
 * a candidate configuration, showing the diff, committing (with a confirmation timer), aborting and rolling back.
 * Commands may hold {@code {session}} (a configuration session's name), {@code {checkpoint}} (a checkpoint's
 * name), {@code {minutes}}/{@code {seconds}} (a commit-confirmed timer) and {@code {hms}} (the same as hh:mm:ss).
 * genja-device's {@code io.genja.device.session.CliSession} runs them; docs/changes.md says how.
 *
 * @param kind how changes take effect
 * @param enter the commands into configuration mode, e.g. {@code configure terminal}
 * @param exit the command back out of it, e.g. {@code end}
 * @param diff shows what the candidate would change
 * @param check validates the candidate without committing, e.g. Junos's {@code commit check}
 * @param commit makes the candidate the running configuration
 * @param commitConfirmed commits and rolls back on the device's own timer unless confirmed
 * @param confirm confirms a commit-confirmed
 * @param abort throws the candidate away and leaves configuration mode
 * @param rollback undoes the last commit: in privileged mode, taking effect at once (IOS-XR's
 *                 {@code rollback configuration last 1}), unless {@code rollbackLoadsCandidate}
 * @param checkpoint saves a checkpoint of the running configuration before a change
 * @param rollbackCheckpoint restores that checkpoint
 * @param save copies the running configuration to the startup configuration
 * @param prompts questions the save or exit commands may ask, with their answers
 * @param showRunning prints the running configuration, e.g. {@code show running-config}
 * @param showStartup prints the startup configuration, or {@code null} when the platform has none apart
 * @param showCandidate prints the candidate inside configuration mode, or {@code null}
 * @param rollbackLoadsCandidate whether {@code rollback} is a configuration-mode command that loads the previous
 *                               configuration into the candidate, which a commit then applies (Junos's
 *                               {@code rollback 1})
 */
public record ConfigModel(Kind kind, List<String> enter, String exit, String diff, String check, String commit,
                          String commitConfirmed, String confirm, String abort, String rollback, String checkpoint,
                          String rollbackCheckpoint, String save, List<PlatformProfile.Exchange> prompts,
                          String showRunning, String showStartup, String showCandidate,
                          boolean rollbackLoadsCandidate) {

    /** A platform whose configuration model is not described. */
    public static final ConfigModel NONE = new ConfigModel(Kind.NONE, List.of(), null, null, null, null, null, null,
            null, null, null, null, null, List.of(), null, null, null, false);

    public ConfigModel {
        Objects.requireNonNull(kind, "kind");
        enter = List.copyOf(enter);
        prompts = List.copyOf(prompts);
    }

    /** How changes take effect. */
    public enum Kind {
        /** Not described: the platform cannot be changed through Genja's configuration API. */
        NONE,
        /** Each line changes the running configuration as it is entered (IOS, IOS-XE). */
        RUNNING,
        /** Lines go to a candidate that a commit applies (IOS-XR, Junos). */
        CANDIDATE,
        /** Lines go to a named configuration session that a commit applies (EOS). */
        SESSION,
        /** Lines change the running configuration; a checkpoint taken first is the way back (NX-OS). */
        CHECKPOINT;

        /** The kind called {@code name} ({@code none}, {@code running}, ... any case). */
        public static Optional<Kind> parse(String name) {
            for (Kind kind : values()) {
                if (kind.toString().equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        /** The fields a profile of this kind must give (their YAML names). */
        List<String> required() {
            return switch (this) {
                case NONE -> List.of();
                case RUNNING -> List.of("enter", "exit");
                case CANDIDATE, SESSION -> List.of("enter", "exit", "diff", "commit", "abort");
                case CHECKPOINT -> List.of("enter", "exit", "checkpoint", "rollback_checkpoint");
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
