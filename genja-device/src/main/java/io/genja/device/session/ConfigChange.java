package io.genja.device.session;

import io.genja.device.CliRequest;
import io.genja.device.ConfigModel;
import io.genja.device.PlatformProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One configuration change, from entering configuration mode to leaving it, following the platform's
 * {@link ConfigModel}: {@code running} (IOS: lines take effect as entered), {@code candidate} (IOS-XR, Junos),
 * {@code session} (EOS's named sessions) or {@code checkpoint} (NX-OS: a checkpoint first, restored on failure).
 * Every configuration command is answered with the profile's {@code config.prompts} and checked against its
 * {@code error_patterns}. Created by {@link CliSession#configure()}; not thread-safe (one task uses it).
 */
public final class ConfigChange implements AutoCloseable {

    private final CliSession session;
    private final ConfigModel model;
    private final PlatformProfile profile;
    private final String where;
    /** The EOS session's name, the NX-OS checkpoint's name: unique per change. */
    private final String name;
    private final List<CliRequest.Answer> prompts;
    /** Lines applied since the last commit. */
    private boolean uncommitted;
    private boolean awaitingConfirm;
    private boolean closed;

    private ConfigChange(CliSession session) {
        this.session = session;
        this.profile = session.profile();
        this.model = profile.config();
        this.where = session.where();
        this.name = "genja" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        this.prompts = model.prompts().stream().map(CliRequest.Answer::of).toList();
    }

    /** Takes the checkpoint (NX-OS) and enters configuration mode; the session is privileged already. */
    static ConfigChange enter(CliSession session) throws DeviceCliException {
        ConfigChange change = new ConfigChange(session);
        if (change.model.kind() == ConfigModel.Kind.CHECKPOINT) {
            change.run(change.model.checkpoint(), "checkpoint");
        }
        for (String command : change.model.enter()) {
            change.run(command, "enter");
        }
        if (session.level() != CliLevel.CONFIG) {
            String prompt = session.transport().lastPrompt();
            change.closed = true;
            throw new DeviceCliException(DeviceCliException.Kind.COMMAND, change.where + ": " + change.model.enter()
                    + " did not reach configuration mode: the prompt is " + prompt
                    + " (platform " + change.profile.name() + ", privilege.levels.config in its profile)");
        }
        return change;
    }

    /** The profile's configuration model. */
    public ConfigModel.Kind kind() {
        return model.kind();
    }

    /** The EOS session's or NX-OS checkpoint's name. */
    public String name() {
        return name;
    }

    /** Whether lines wait for a commit: {@code candidate} and {@code session} platforms. */
    public boolean hasCandidate() {
        return model.kind() == ConfigModel.Kind.CANDIDATE || model.kind() == ConfigModel.Kind.SESSION;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Sends {@code lines} in order (blank lines skipped, trailing blanks removed) and returns those applied.
     * The first line whose output matches an error pattern stops it: the candidate is discarded (candidate and
     * session platforms), the checkpoint restored (NX-OS) or the lines before it stay (IOS); configuration mode is
     * left in every case and this change is closed.
     *
     * @throws ConfigLineRejected naming the line, the device's error line and the lines applied before it
     */
    public List<String> apply(List<String> lines) throws DeviceCliException {
        requireConfigMode("apply lines");
        List<String> applied = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.stripTrailing();
            if (line.isBlank()) {
                continue;
            }
            String output;
            try {
                output = session.send(CliRequest.of(line));
            } catch (DeviceCliException e) {
                closed = true; // the transport failed: this change cannot go on
                throw e;
            }
            Optional<String> error = profile.errorLine(output);
            if (error.isPresent()) {
                throw rejected(line, error.get(), applied);
            }
            applied.add(line);
            uncommitted = true;
        }
        return applied;
    }

    private DeviceCliException rejected(String line, String deviceMessage, List<String> applied) {
        String outcome = switch (model.kind()) {
            case CANDIDATE, SESSION -> "the candidate was discarded: nothing was applied";
            case CHECKPOINT -> "the running configuration was rolled back to checkpoint " + name;
            default -> applied.isEmpty() ? "no line before it was applied"
                    : applied.size() + " line(s) before it stay applied: " + applied;
        };
        ConfigLineRejected failure = new ConfigLineRejected(where + ": the device rejected configuration line \""
                + line + "\": " + deviceMessage + "; " + outcome, line, deviceMessage, applied);
        uncommitted = true; // the rejected line may have left something in the candidate: abort in any case
        try {
            if (model.kind() == ConfigModel.Kind.CHECKPOINT) {
                leave();
                run(model.rollbackCheckpoint(), "rollback_checkpoint");
            } else {
                close();
            }
        } catch (DeviceCliException cleanup) {
            failure.addSuppressed(cleanup);
        } finally {
            closed = true;
        }
        return failure;
    }

    /**
     * The device's view of the change: the candidate's diff (candidate, session) or the difference to the
     * checkpoint (NX-OS); empty on {@code running} platforms and when the device shows no difference.
     */
    public Optional<String> diff() throws DeviceCliException {
        requireOpen("show the diff");
        if (model.diff() == null) {
            return Optional.empty();
        }
        String output = run(model.diff(), "diff");
        return output.isBlank() ? Optional.empty() : Optional.of(output);
    }

    /** Commits the candidate ({@code check} first where the profile has one); nothing on running/checkpoint. */
    public void commit() throws DeviceCliException {
        requireOpen("commit");
        if (!hasCandidate()) {
            uncommitted = false;
            return;
        }
        requireConfigMode("commit");
        if (model.check() != null) {
            run(model.check(), "check");
        }
        run(model.commit(), "commit");
        uncommitted = false;
        awaitingConfirm = false;
    }

    /** Commits with the device's own rollback timer ({@code commit_confirmed}); {@link #confirm()} keeps it. */
    public void commitConfirmed(Duration timer) throws DeviceCliException {
        requireOpen("commit confirmed");
        if (timer.isNegative() || timer.isZero()) {
            throw new DeviceCliException(DeviceCliException.Kind.VALIDATION, where + ": a commit-confirmed timer "
                    + "must be positive, got " + timer);
        }
        if (!hasCandidate() || model.commitConfirmed() == null) {
            throw unsupported("commit confirmed", "commit_confirmed");
        }
        requireConfigMode("commit confirmed");
        if (model.check() != null) {
            run(model.check(), "check");
        }
        run(fill(model.commitConfirmed(), timer), "commit_confirmed");
        uncommitted = false;
        awaitingConfirm = true;
    }

    /** Confirms the last {@link #commitConfirmed}, so that the device keeps the change. */
    public void confirm() throws DeviceCliException {
        requireOpen("confirm");
        if (model.confirm() == null) {
            throw unsupported("confirm a commit", "confirm");
        }
        if (!awaitingConfirm) {
            throw new DeviceCliException(DeviceCliException.Kind.VALIDATION, where + ": nothing to confirm: no "
                    + "commit confirmed was made in this configuration session");
        }
        run(model.confirm(), "confirm");
        awaitingConfirm = false;
    }

    /**
     * Throws the change away and leaves configuration mode: {@code abort} (candidate, session) or the checkpoint
     * restored (NX-OS); closes this change.
     */
    public void discard() throws DeviceCliException {
        requireOpen("discard");
        switch (model.kind()) {
            case CANDIDATE, SESSION -> {
                if (session.level() == CliLevel.CONFIG) {
                    run(model.abort(), "abort");
                    uncommitted = false;
                }
                leave();
            }
            case CHECKPOINT -> {
                leave();
                run(model.rollbackCheckpoint(), "rollback_checkpoint");
            }
            default -> throw unsupported("discard a change (lines took effect as they were entered)", "abort");
        }
        closed = true;
    }

    /**
     * Undoes the last commit. Where the profile's {@code rollback} loads the previous configuration into the
     * candidate (Junos), it is sent here and a commit applies it; elsewhere (IOS-XR's
     * {@code rollback configuration last 1}, NX-OS's checkpoint) configuration mode is left first, the rollback
     * takes effect at once and this change is closed.
     */
    public void rollback() throws DeviceCliException {
        requireOpen("roll back");
        if (model.kind() == ConfigModel.Kind.CHECKPOINT) {
            leave();
            run(model.rollbackCheckpoint(), "rollback_checkpoint");
            closed = true;
            return;
        }
        if (!hasCandidate() || model.rollback() == null) {
            throw unsupported("roll back a commit", "rollback");
        }
        if (model.rollbackLoadsCandidate()) {
            requireConfigMode("roll back");
            run(model.rollback(), "rollback");
            run(model.commit(), "commit");
        } else {
            close();
            run(model.rollback(), "rollback");
        }
        uncommitted = false;
        awaitingConfirm = false;
    }

    /**
     * Closes this change (discarding what is not committed) and copies the running configuration to the startup
     * configuration, answering the profile's prompts. Does nothing more on platforms whose commit is persistent
     * (no {@code save} in the profile and a candidate).
     */
    public void save() throws DeviceCliException {
        close();
        if (model.save() == null) {
            if (hasCandidate()) {
                return;
            }
            throw unsupported("save the configuration", "save");
        }
        run(model.save(), "save");
    }

    /** Leaves configuration mode, discarding what is not committed; does nothing when closed. */
    @Override
    public void close() throws DeviceCliException {
        if (closed) {
            return;
        }
        closed = true;
        if (hasCandidate() && uncommitted && session.level() == CliLevel.CONFIG) {
            run(model.abort(), "abort");
            uncommitted = false;
        }
        leave();
    }

    /** Sends the exit command while the prompt shows configuration mode; fails if it still does after. */
    private void leave() throws DeviceCliException {
        if (session.level() != CliLevel.CONFIG) {
            return;
        }
        run(model.exit(), "exit");
        if (session.level() == CliLevel.CONFIG) {
            throw new DeviceCliException(DeviceCliException.Kind.COMMAND, where + ": \"" + model.exit()
                    + "\" did not leave configuration mode: the prompt is " + session.transport().lastPrompt());
        }
    }

    /** Sends a configuration command (placeholders filled), answering the profile's prompts; fails on an error line. */
    private String run(String command, String field) throws DeviceCliException {
        String filled = command.replace("{session}", name).replace("{checkpoint}", name);
        String output = session.send(new CliRequest(filled, null, null, prompts));
        Optional<String> error = profile.errorLine(output);
        if (error.isPresent()) {
            throw new DeviceCliException(DeviceCliException.Kind.COMMAND, where + ": \"" + filled + "\" (config."
                    + field + " of platform " + profile.name() + ") was rejected by the device: " + error.get());
        }
        return output;
    }

    private static String fill(String command, Duration timer) {
        long seconds = timer.toSeconds() + (timer.toNanosPart() > 0 ? 1 : 0);
        long minutes = Math.max(1, (seconds + 59) / 60);
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
        return command.replace("{minutes}", Long.toString(minutes)).replace("{seconds}", Long.toString(seconds))
                .replace("{hms}", hms);
    }

    private void requireOpen(String what) throws DeviceCliException {
        if (closed) {
            throw new DeviceCliException(DeviceCliException.Kind.VALIDATION, where + ": cannot " + what
                    + ": this configuration session is closed; start another with configure()");
        }
    }

    private void requireConfigMode(String what) throws DeviceCliException {
        requireOpen(what);
        if (session.level() != CliLevel.CONFIG) {
            throw new DeviceCliException(DeviceCliException.Kind.VALIDATION, where + ": cannot " + what
                    + ": the session has left configuration mode (the prompt is " + session.transport().lastPrompt()
                    + "); start another with configure()");
        }
    }

    private DeviceCliException unsupported(String what, String field) {
        return new DeviceCliException(DeviceCliException.Kind.UNSUPPORTED, where + ": platform " + profile.name()
                + " (config.model " + model.kind() + ") cannot " + what + ": no config." + field + " in its profile");
    }
}
