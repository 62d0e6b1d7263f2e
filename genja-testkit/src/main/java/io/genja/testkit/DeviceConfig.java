package io.genja.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The configuration state of one simulated device: running and startup configurations, the candidates sessions
 * are editing, named configuration sessions (EOS), checkpoints (NX-OS), the commit history with a pending
 * commit-confirmed and its timer, and the rollbacks. Every method is atomic (one lock per device), so tests may
 * read the state while sessions change it.
 */
final class DeviceConfig {

    /** One thread for the commit-confirmed timers of every simulated device in the JVM. */
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulated-commit-timers");
        thread.setDaemon(true);
        return thread;
    });

    private final ConfigDialect dialect;
    private final Duration timerSecond;
    private ConfigTree running;
    private ConfigTree startup;
    /** Whether {@code show running-config} starts with the dialect's header (it does unless a test set a text without). */
    private boolean header;
    private String runningText;
    private final List<Commit> commits = new ArrayList<>();
    /** The running configuration before each commit, by commit number: what a rollback goes back to. */
    private final Map<Integer, ConfigTree> beforeCommit = new HashMap<>();
    private final List<Rollback> rollbacks = new ArrayList<>();
    /** The configurations committed, the newest first (Junos's rollback numbers: 0 is the active one). */
    private final java.util.LinkedList<ConfigTree> archive = new java.util.LinkedList<>();
    private final Map<String, ConfigTree> checkpoints = new HashMap<>();
    /** EOS configuration sessions by name: they outlive the CLI session that opened them, as on the device. */
    private final Map<String, ConfigTree> namedSessions = new LinkedHashMap<>();
    /** The candidates being edited, the most recently changed last. */
    private final LinkedHashMap<Object, ConfigTree> candidates = new LinkedHashMap<>();
    private Pending pending;
    private int reloads;

    /** A commit-confirmed waiting for its confirmation. */
    private record Pending(int commit, String command, ConfigTree before, ScheduledFuture<?> timer, String session) {
    }

    DeviceConfig(ConfigDialect dialect, String initialRunning, Duration timerSecond) {
        this.dialect = dialect;
        this.timerSecond = timerSecond;
        setRunning(initialRunning);
        this.startup = running.copy();
        archive.addFirst(running.copy());
    }

    // ---- the running and startup configurations -------------------------------------------------------------

    synchronized String runningText() {
        return runningText;
    }

    synchronized void setRunning(String text) {
        String body = text;
        String headerText = dialect == null ? "" : dialect.runningHeader();
        header = false;
        if (!headerText.isEmpty()) {
            Pattern pattern = Pattern.compile(Pattern.quote(headerText).replace("{size}", "\\E\\d+\\Q"));
            var m = pattern.matcher(text);
            if (m.lookingAt()) {
                header = true;
                body = text.substring(m.end());
            }
        }
        running = parse(body);
        rendered();
    }

    /** The running configuration as Junos's {@code display set} prints it. */
    synchronized String displaySet() {
        return SetLines.displaySet(running);
    }

    synchronized String startupText() {
        String body = render(startup);
        String headerText = dialect == null ? "" : dialect.startupHeader();
        return headerText.replace("{size}", String.valueOf(body.length())) + body;
    }

    /** A copy of the running configuration, e.g. to start a candidate from. */
    synchronized ConfigTree running() {
        return running.copy();
    }

    /** Changes the running configuration in place (a line on IOS, NX-OS, EOS's configure terminal). */
    synchronized <T> T changeRunning(Function<ConfigTree, T> change) {
        T result = change.apply(running);
        rendered();
        return result;
    }

    /** Copies the running configuration to the startup configuration. */
    synchronized void save() {
        startup = running.copy();
    }

    synchronized boolean unsaved() {
        return !running.sameAs(startup);
    }

    /**
     * The device reloads: it comes back with its startup configuration; a commit awaiting confirmation is gone
     * with the configuration it would have kept, and so are the candidates and configuration sessions.
     */
    synchronized void reload() {
        if (pending != null) {
            pending.timer().cancel(false);
            markCommit(pending.commit(), Commit.Status.ROLLED_BACK);
            pending = null;
        }
        running = startup.copy();
        candidates.clear();
        namedSessions.clear();
        reloads++;
        rendered();
    }

    synchronized int reloads() {
        return reloads;
    }

    String render(ConfigTree tree) {
        if (dialect != null && dialect.syntax() == ConfigDialect.Syntax.BRACED) {
            return tree.renderBraced();
        }
        return tree.renderIndented();
    }

    ConfigTree parse(String text) {
        if (dialect != null && dialect.syntax() == ConfigDialect.Syntax.BRACED) {
            return ConfigTree.parseBraced(text);
        }
        return ConfigTree.parseIndented(text);
    }

    private void rendered() {
        String body = render(running);
        runningText = header ? dialect.runningHeader().replace("{size}", String.valueOf(body.length())) + body : body;
    }

    // ---- candidates -----------------------------------------------------------------------------------------

    /** Changes a session's candidate under the device's lock; it is then the one {@link #candidateText()} shows. */
    synchronized <T> T changeCandidate(Object owner, ConfigTree candidate, Function<ConfigTree, T> change) {
        T result = change.apply(candidate);
        candidates.remove(owner);
        candidates.put(owner, candidate);
        return result;
    }

    synchronized void replaceCandidate(Object owner, ConfigTree candidate) {
        candidates.remove(owner);
        candidates.put(owner, candidate);
    }

    synchronized void dropCandidate(Object owner) {
        candidates.remove(owner);
    }

    /** The candidate changed most recently by a session still editing one. */
    synchronized Optional<String> candidateText() {
        return candidates.isEmpty() ? Optional.empty()
                : Optional.of(render(new ArrayList<>(candidates.values()).get(candidates.size() - 1)));
    }

    /** EOS: the named session's candidate, opened from the running configuration if it is new. */
    synchronized ConfigTree namedSession(String name) {
        return namedSessions.computeIfAbsent(name, n -> running.copy());
    }

    synchronized boolean hasNamedSession(String name) {
        return namedSessions.containsKey(name);
    }

    synchronized void dropNamedSession(String name) {
        namedSessions.remove(name);
    }

    synchronized List<String> diff(ConfigTree candidate) {
        return ConfigTree.diff(running, candidate);
    }

    // ---- commits --------------------------------------------------------------------------------------------

    /**
     * Makes {@code candidate} the running configuration. A plain commit while a commit-confirmed waits confirms
     * it; {@code timerSeconds > 0} starts a commit-confirmed that rolls back after that many device seconds.
     *
     * @param session the EOS session name a later {@code configure session NAME commit} confirms, or {@code null}
     * @return the commit, or empty when there was nothing to commit (a confirmation only, perhaps)
     */
    synchronized Optional<Commit> commit(ConfigTree candidate, String command, long timerSeconds, String session) {
        if (timerSeconds <= 0) {
            confirm();
        }
        List<String> changes = ConfigTree.diff(running, candidate);
        if (changes.isEmpty() && timerSeconds <= 0) {
            return Optional.empty();
        }
        int number = commits.size() + 1;
        beforeCommit.put(number, running);
        ConfigTree before = running;
        running = candidate.copy();
        rendered();
        archive.addFirst(running.copy());
        Commit commit;
        if (timerSeconds > 0) {
            commit = new Commit(number, command, changes, Commit.Status.AWAITING_CONFIRMATION);
            ConfigTree keptBefore = pending != null ? pending.before() : before;
            if (pending != null) {
                pending.timer().cancel(false);
            }
            long millis = Math.max(1, timerSecond.toMillis() * timerSeconds);
            ScheduledFuture<?> timer = TIMERS.schedule(() -> timerExpired(number), millis, TimeUnit.MILLISECONDS);
            pending = new Pending(number, command, keptBefore, timer, session);
        } else {
            commit = new Commit(number, command, changes, Commit.Status.COMMITTED);
            startup = running.copy(); // a commit is persistent on candidate platforms
        }
        commits.add(commit);
        return Optional.of(commit);
    }

    /** Confirms the commit-confirmed waiting, if any; returns whether there was one. */
    synchronized boolean confirm() {
        if (pending == null) {
            return false;
        }
        pending.timer().cancel(false);
        markCommit(pending.commit(), Commit.Status.CONFIRMED);
        pending = null;
        startup = running.copy();
        return true;
    }

    /** The EOS session whose {@code commit timer} waits for {@code configure session NAME commit}, if any. */
    synchronized Optional<String> pendingSession() {
        return pending == null ? Optional.empty() : Optional.ofNullable(pending.session());
    }

    synchronized boolean awaitingConfirmation() {
        return pending != null;
    }

    private synchronized void timerExpired(int commit) {
        if (pending == null || pending.commit() != commit) {
            return; // confirmed (or replaced) just before the timer fired
        }
        List<String> changes = ConfigTree.diff(running, pending.before());
        running = pending.before();
        rendered();
        archive.addFirst(running.copy());
        markCommit(commit, Commit.Status.ROLLED_BACK);
        rollbacks.add(new Rollback(Rollback.Cause.TIMER, pending.command(), changes));
        pending = null;
    }

    /**
     * Undoes the last {@code count} commits still in effect (IOS-XR's {@code rollback configuration last N}).
     *
     * @return whether there were that many to undo
     */
    synchronized boolean rollbackCommits(int count, String command) {
        List<Commit> inEffect = commits.stream().filter(c -> c.status() != Commit.Status.ROLLED_BACK).toList();
        if (count < 1 || count > inEffect.size()) {
            return false;
        }
        confirm();
        Commit oldest = inEffect.get(inEffect.size() - count);
        ConfigTree target = beforeCommit.get(oldest.number());
        List<String> changes = ConfigTree.diff(running, target);
        running = target.copy();
        startup = running.copy();
        rendered();
        archive.addFirst(running.copy());
        for (Commit undone : inEffect.subList(inEffect.size() - count, inEffect.size())) {
            markCommit(undone.number(), Commit.Status.ROLLED_BACK);
        }
        rollbacks.add(new Rollback(Rollback.Cause.COMMAND, command, changes));
        return true;
    }

    /**
     * The configuration active {@code back} changes ago (Junos's {@code rollback N}: 0 is the active one; a
     * timer's rollback counts as a change, as Junos commits it), or empty when the history is not that long.
     */
    synchronized Optional<ConfigTree> committed(int back) {
        if (back == 0) {
            return Optional.of(running.copy());
        }
        return back < archive.size() ? Optional.of(archive.get(back).copy()) : Optional.empty();
    }

    private void markCommit(int number, Commit.Status status) {
        commits.set(number - 1, commits.get(number - 1).withStatus(status));
    }

    synchronized List<Commit> commits() {
        return List.copyOf(commits);
    }

    synchronized List<Rollback> rollbacks() {
        return List.copyOf(rollbacks);
    }

    // ---- checkpoints (NX-OS) --------------------------------------------------------------------------------

    synchronized void checkpoint(String name) {
        checkpoints.put(name, running.copy());
    }

    synchronized boolean hasCheckpoint(String name) {
        return checkpoints.containsKey(name);
    }

    synchronized List<String> diffFromCheckpoint(String name) {
        return ConfigTree.diff(checkpoints.get(name), running);
    }

    /** Restores a checkpoint; returns {@code false} when there is none of that name. */
    synchronized boolean rollbackToCheckpoint(String name, String command) {
        ConfigTree checkpoint = checkpoints.get(name);
        if (checkpoint == null) {
            return false;
        }
        List<String> changes = ConfigTree.diff(running, checkpoint);
        running = checkpoint.copy();
        rendered();
        rollbacks.add(new Rollback(Rollback.Cause.CHECKPOINT, command, changes));
        return true;
    }

    synchronized List<String> checkpoints() {
        return List.copyOf(checkpoints.keySet());
    }
}
