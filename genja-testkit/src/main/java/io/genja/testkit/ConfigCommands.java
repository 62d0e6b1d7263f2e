package io.genja.testkit;

import io.genja.device.ConfigModel;
import io.genja.device.PlatformProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * The commands of one CLI session that read or change a simulated device's configuration, and the privilege
 * commands: what {@code enable}, {@code configure terminal}, a configuration line, {@code commit},
 * {@code copy running-config startup-config} or {@code reload} do. The commands are those of the platform
 * profile's {@code privilege} and {@code config} sections (the ones clients send), the texts printed and the
 * grammar of lines come from the platform's {@link ConfigDialect}; the profile's configuration model decides where
 * lines go: straight into the running configuration ({@code running}, {@code checkpoint}), into the session's
 * candidate ({@code candidate}) or into a named session ({@code session}).
 */
final class ConfigCommands {

    private final SimulatedDevice device;
    private final SimulatedPlatform platform;
    private final PlatformProfile profile;
    private final ConfigModel model;
    private final ConfigDialect dialect;
    private final DeviceConfig config;
    private final ShellModes modes;
    /** Runs an exec command ({@code do ...}, {@code run ...}, {@code show} in configuration mode). */
    private final Function<String, Reply> exec;
    private final IndentedLines indented;
    private final SetLines setLines;
    private final List<CommandTemplate> enter;
    private final CommandTemplate exit;
    private final CommandTemplate diff;
    private final CommandTemplate check;
    private final CommandTemplate commit;
    private final CommandTemplate commitConfirmed;
    private final CommandTemplate confirm;
    private final CommandTemplate abort;
    private final CommandTemplate rollback;
    private final CommandTemplate checkpoint;
    private final CommandTemplate rollbackCheckpoint;

    ConfigCommands(SimulatedDevice device, ShellModes modes, Function<String, Reply> exec) {
        this.device = device;
        this.platform = device.simulatedPlatform();
        this.profile = platform.profile();
        this.model = profile.config();
        this.dialect = platform.dialect();
        this.config = device.deviceConfig();
        this.modes = modes;
        this.exec = exec;
        this.indented = dialect == null ? null : new IndentedLines(dialect, device.lineRules());
        this.setLines = dialect == null ? null : new SetLines(dialect, device.lineRules());
        this.enter = model.enter().stream().map(CommandTemplate::of).toList();
        this.exit = CommandTemplate.of(model.exit());
        this.diff = CommandTemplate.of(model.diff());
        this.check = CommandTemplate.of(model.check());
        this.commit = CommandTemplate.of(model.commit());
        this.commitConfirmed = CommandTemplate.of(model.commitConfirmed());
        this.confirm = CommandTemplate.of(model.confirm());
        this.abort = CommandTemplate.of(model.abort());
        this.rollback = CommandTemplate.of(model.rollback());
        this.checkpoint = CommandTemplate.of(model.checkpoint());
        this.rollbackCheckpoint = CommandTemplate.of(model.rollbackCheckpoint());
    }

    /** Whether this platform's configuration can change (it has a dialect and a configuration model). */
    boolean active() {
        return dialect != null && model.kind() != ConfigModel.Kind.NONE;
    }

    // ---- user and privileged levels --------------------------------------------------------------------------

    /** Answers an exec command this class knows, or empty to let the device's outputs answer it. */
    Optional<Reply> exec(String command) {
        if (!active() && device.enableSecret() == null) {
            return Optional.empty(); // a platform that cannot change (linux) answers as it always did
        }
        PlatformProfile.Enable enable = profile.privilege().enable();
        if (enable != null && is(command, enable.command())) {
            return Optional.of(enable());
        }
        if (modes.level() == ShellLevel.PRIVILEGED && profile.privilege().disable() != null
                && profile.privilege().level("user").isPresent() && is(command, profile.privilege().disable())) {
            modes.level(ShellLevel.USER);
            return Optional.of(Reply.out(""));
        }
        if (!active()) {
            return Optional.empty();
        }
        if (modes.level() == ShellLevel.USER) {
            // what changes or shows the configuration needs privileged mode
            return dialect.privilegedOnly(command) ? Optional.of(rejected(command, 0)) : Optional.empty();
        }
        Optional<Matcher> m;
        if ((m = match(confirm, command)).isPresent() && model.kind() == ConfigModel.Kind.SESSION) {
            return Optional.of(confirmSession(m.get().group("session"), command));
        }
        for (CommandTemplate template : enter) {
            if ((m = template.match(command)).isPresent()) {
                return Optional.of(enterConfig(hasGroup(m.get(), "session") ? m.get().group("session") : null,
                        dialect.entersPrivate(command)));
            }
        }
        if (dialect.entersCandidate(command) || dialect.entersPrivate(command)) {
            return Optional.of(enterConfig(null, dialect.entersPrivate(command)));
        }
        if (dialect.entersRunning(command)) {
            modes.configure(null, null);
            return Optional.of(Reply.out(dialect.text("enter")));
        }
        for (ConfigDialect.Save save : dialect.saves()) {
            if (save.command().matches(command)) {
                return Optional.of(save(save));
            }
        }
        if (dialect.reload() != null && dialect.reload().command().matches(command)) {
            return Optional.of(reload());
        }
        if ((m = match(checkpoint, command)).isPresent()) {
            config.checkpoint(m.get().group("checkpoint"));
            return Optional.of(Reply.out(dialect.text("checkpoint_done")));
        }
        if ((m = match(rollbackCheckpoint, command)).isPresent()) {
            String name = m.get().group("checkpoint");
            return Optional.of(config.rollbackToCheckpoint(name, command)
                    ? Reply.out(dialect.text("checkpoint_restored"))
                    : rejected(command, command.lastIndexOf(name)));
        }
        if (model.kind() == ConfigModel.Kind.CHECKPOINT && (m = match(diff, command)).isPresent()) {
            String name = m.get().group("checkpoint");
            if (!config.hasCheckpoint(name)) {
                return Optional.of(rejected(command, command.indexOf(name)));
            }
            return Optional.of(Reply.out(dialect.text("diff_header") + lines(config.diffFromCheckpoint(name))));
        }
        if (dialect.syntax() == ConfigDialect.Syntax.INDENTED && matches(rollback, command)) {
            return Optional.of(rollbackCommits(command));
        }
        return Optional.empty();
    }

    private Reply enable() {
        if (modes.level() != ShellLevel.USER) {
            return Reply.out("");
        }
        String secret = device.enableSecret();
        return Reply.ask("", new Reply.Question(dialect != null && dialect.hasText("enable_prompt")
                ? dialect.text("enable_prompt") : "Password: ", true, answer -> {
                    if (secret != null && secret.equals(answer)) {
                        modes.level(ShellLevel.PRIVILEGED);
                        return Reply.out("");
                    }
                    return Reply.out(dialect != null && dialect.hasText("enable_failed")
                            ? dialect.text("enable_failed") : "% Access denied");
                }));
    }

    private Reply enterConfig(String session, boolean privateCandidate) {
        ConfigTree candidate = switch (model.kind()) {
            case CANDIDATE -> config.running();
            case SESSION -> config.namedSession(session);
            default -> null;
        };
        modes.configure(candidate, session, privateCandidate);
        if (candidate != null) {
            config.replaceCandidate(this, candidate);
        }
        return Reply.out(dialect.text("enter"));
    }

    private Reply confirmSession(String session, String command) {
        if (config.pendingSession().filter(session::equals).isPresent()) {
            config.confirm();
            return Reply.out("");
        }
        if (config.hasNamedSession(session)) {
            config.commit(config.namedSession(session), command, 0, null);
            config.dropNamedSession(session);
            return Reply.out("");
        }
        return rejected(command, command.indexOf(session));
    }

    private Reply save(ConfigDialect.Save save) {
        if (save.question() == null) {
            config.save();
            return Reply.out(save.output());
        }
        return Reply.ask("", new Reply.Question(save.question(), false, answer -> {
            config.save();
            return Reply.out(save.output());
        }));
    }

    private Reply reload() {
        ConfigDialect.Reload reload = dialect.reload();
        Reply.Question proceed = new Reply.Question(reload.question(), false, answer -> {
            if (!proceeds(reload.question(), answer)) {
                return Reply.out("");
            }
            config.reload();
            device.dropConnections();
            return Reply.drop();
        });
        if (reload.saveQuestion() == null || !config.unsaved()) {
            return Reply.ask("", proceed);
        }
        return Reply.ask("", saveBeforeReload(reload.saveQuestion(), proceed));
    }

    private Reply.Question saveBeforeReload(String question, Reply.Question proceed) {
        return new Reply.Question(question, false, answer -> {
            String a = answer.strip().toLowerCase(Locale.ROOT);
            if (a.equals("yes") || a.equals("y")) {
                config.save();
                return Reply.ask(dialect.text("save_before_reload"), proceed);
            }
            if (a.equals("no") || a.equals("n")) {
                return Reply.ask("", proceed);
            }
            return Reply.ask(dialect.text("answer_yes_or_no"), saveBeforeReload(question, proceed));
        });
    }

    /** {@code [confirm]} proceeds on Enter or y; {@code [yes,no] (no)}, {@code (y/n)? [n]} need a yes. */
    private static boolean proceeds(String question, String answer) {
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.startsWith("y") || (a.isEmpty() && question.contains("[confirm]"));
    }

    private Reply rollbackCommits(String command) {
        Matcher digits = java.util.regex.Pattern.compile("(\\d+)\\s*$").matcher(command);
        int count = digits.find() ? Integer.parseInt(digits.group(1)) : 1;
        return config.rollbackCommits(count, command) ? Reply.out(dialect.text("rollback_done"))
                : rejected(command, digits.start(1)); // fewer commits than that to undo
    }

    // ---- configuration mode ----------------------------------------------------------------------------------

    /** Answers a line sent in configuration mode. */
    Reply configLine(String command) {
        if (command.isEmpty()) {
            return Reply.out("");
        }
        return dialect.syntax() == ConfigDialect.Syntax.BRACED ? junosLine(command) : ciscoLine(command);
    }

    private Reply ciscoLine(String command) {
        String lower = command.toLowerCase(Locale.ROOT);
        if (lower.startsWith("do ")) {
            return exec.apply(command.substring(3).strip());
        }
        if (is(command, "exit") && !modes.context().isEmpty()) {
            List<String> up = new ArrayList<>(modes.context());
            up.remove(up.size() - 1);
            modes.context(up);
            return Reply.out("");
        }
        if (matches(exit, command) || is(command, "end") || is(command, "exit")) {
            return leaveCisco();
        }
        ConfigTree candidate = modes.candidate();
        if (candidate != null) {
            if (matches(diff, command)) {
                return Reply.out(dialect.text("diff_header", sessionValues())
                        + lines(config.diff(candidate)) + dialect.text("diff_footer"));
            }
            if (dialect.showsCandidate(command)) {
                return Reply.out(dialect.text("candidate_header") + config.render(candidate));
            }
            if (matches(abort, command)) {
                discard();
                return Reply.out("");
            }
            Optional<Matcher> timer = match(commitConfirmed, command);
            if (timer.isPresent() || matches(commit, command)) {
                return commit(command, timer.map(ConfigCommands::seconds).orElse(0L));
            }
        }
        if (lower.startsWith("show ") && dialect.showInConfig()) {
            return exec.apply(command);
        }
        return statement(command);
    }

    /** A configuration statement; the session may be dropped before it ({@link SimulatedDevice.Builder#dropAfterConfigLines}). */
    private Reply statement(String command) {
        if (modes.countConfigLine() > device.dropAfterConfigLines()) {
            return Reply.drop();
        }
        ConfigTree candidate = modes.candidate();
        IndentedLines.Outcome outcome = candidate == null
                ? config.changeRunning(tree -> indented.apply(tree, modes.context(), command))
                : config.changeCandidate(this, candidate, tree -> indented.apply(tree, modes.context(), command));
        if (!outcome.accepted()) {
            return rejected(command, 0);
        }
        modes.context(outcome.context());
        return Reply.out("");
    }

    private Reply leaveCisco() {
        ConfigTree candidate = modes.candidate();
        if (candidate == null || model.kind() == ConfigModel.Kind.SESSION) {
            // an EOS session left with "end" stays pending, to be committed or aborted later
            config.dropCandidate(this);
            modes.leaveConfig();
            return Reply.out("");
        }
        if (config.diff(candidate).isEmpty()) {
            discard();
            return Reply.out("");
        }
        return Reply.ask("", uncommitted());
    }

    /** IOS-XR's {@code end} with uncommitted changes: yes commits, no discards, cancel stays. */
    private Reply.Question uncommitted() {
        return new Reply.Question(dialect.text("uncommitted_question"), false, answer -> {
            String a = answer.strip().toLowerCase(Locale.ROOT);
            if (a.equals("yes")) {
                Reply committed = commit("commit", 0);
                if (committed.flow() == Reply.Flow.DROP) {
                    return committed;
                }
                discard();
                return committed;
            }
            if (a.equals("no")) {
                discard();
                return Reply.out("");
            }
            return Reply.out(""); // cancel (the default): stay in configuration mode
        });
    }

    private Reply commit(String command, long timerSeconds) {
        ConfigTree candidate = modes.candidate();
        boolean wasAwaiting = config.awaitingConfirmation();
        Optional<Commit> done = config.commit(candidate, command, timerSeconds,
                model.kind() == ConfigModel.Kind.SESSION ? modes.sessionName() : null);
        if (device.dropOnCommit()) {
            return Reply.drop();
        }
        String output;
        if (done.isEmpty() && !wasAwaiting) {
            output = dialect.text("nothing_to_commit");
        } else if (timerSeconds > 0) {
            output = dialect.text("commit_confirmed_done", Map.of("seconds", String.valueOf(timerSeconds),
                    "minutes", String.valueOf(timerSeconds / 60)));
        } else {
            output = dialect.text("commit_done");
        }
        if (model.kind() == ConfigModel.Kind.SESSION) {
            // EOS leaves the session on commit; a commit timer keeps its name for the confirmation
            config.dropNamedSession(modes.sessionName());
            config.dropCandidate(this);
            modes.leaveConfig();
        } else {
            ConfigTree fresh = config.running();
            modes.candidate(fresh);
            config.replaceCandidate(this, fresh);
        }
        return Reply.out(output);
    }

    /** Throws the candidate (or EOS session) away and leaves configuration mode. */
    private void discard() {
        if (modes.sessionName() != null) {
            config.dropNamedSession(modes.sessionName());
        }
        config.dropCandidate(this);
        modes.leaveConfig();
    }

    private Reply junosLine(String command) {
        String lower = command.toLowerCase(Locale.ROOT);
        ConfigTree candidate = modes.candidate();
        if (lower.startsWith("run ")) {
            return exec.apply(command.substring(4).strip());
        }
        if (SetLines.isChange(command)) {
            if (modes.countConfigLine() > device.dropAfterConfigLines()) {
                return Reply.drop();
            }
            SetLines.Outcome outcome = config.changeCandidate(this, candidate, tree -> setLines.apply(tree, command));
            return switch (outcome) {
                case APPLIED -> Reply.out("");
                case NOT_FOUND -> Reply.out(dialect.text("statement_not_found"));
                case REJECTED -> rejectedText("syntax_error", command, SetLines.pathOffset(command));
            };
        }
        if (matches(diff, command)) {
            return Reply.out(SetLines.compare(config.running(), candidate));
        }
        if (is(command, "show")) {
            return Reply.out(config.render(candidate));
        }
        if (is(command, "show | display set")) {
            return Reply.out(SetLines.displaySet(candidate));
        }
        if (matches(check, command)) {
            config.confirm();
            return Reply.out(dialect.text("check_done"));
        }
        Optional<Matcher> timer = match(commitConfirmed, command);
        if (timer.isPresent() && modes.privateCandidate()) {
            return Reply.out(dialect.text("private_commit_confirmed"));
        }
        if (timer.isPresent() || matches(commit, command)) {
            return commit(command, timer.map(ConfigCommands::seconds).orElse(0L));
        }
        Matcher rollbackN = java.util.regex.Pattern.compile("rollback\\s+(\\d+)", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(command);
        if (rollbackN.matches()) {
            Optional<ConfigTree> loaded = config.committed(Integer.parseInt(rollbackN.group(1)));
            if (loaded.isEmpty()) {
                return Reply.out(dialect.text("rollback_missing", Map.of("number", rollbackN.group(1))));
            }
            modes.candidate(loaded.get());
            config.replaceCandidate(this, loaded.get());
            return Reply.out(dialect.text("rollback_loaded"));
        }
        if (matches(exit, command) || is(command, "exit") || is(command, "quit")) {
            if (config.diff(candidate).isEmpty()) {
                discard();
                return Reply.out(dialect.text("exit_done"));
            }
            return Reply.ask(dialect.text("exit_uncommitted"), new Reply.Question(
                    dialect.text("exit_question"), false, answer -> {
                        if (answer.strip().toLowerCase(Locale.ROOT).startsWith("n")) {
                            return Reply.out("");
                        }
                        discard();
                        return Reply.out(dialect.text("exit_discarded"));
                    }));
        }
        return rejected(command, 0);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The platform's error for a rejected command, its caret under {@code offset} of the command. */
    Reply rejected(String command, int offset) {
        return rejectedText("rejected", command, offset);
    }

    private Reply rejectedText(String key, String command, int offset) {
        String text = dialect != null && dialect.hasText(key) ? dialect.text(key)
                : Optional.ofNullable(profile.samples().error()).orElse("% Invalid input");
        String promptLine = modes.prompt(device, platform);
        promptLine = promptLine.substring(promptLine.lastIndexOf('\n') + 1);
        String[] words = command.strip().split("\\s+", 2);
        String caret = " ".repeat(promptLine.length() + Math.max(0, offset)) + "^";
        return Reply.out(text.replace("{caret}", caret).replace("{command}", command).replace("{word}", words[0])
                + "\n");
    }

    private Map<String, String> sessionValues() {
        return Map.of("session", modes.sessionName() == null ? "" : modes.sessionName());
    }

    private static String lines(List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** A commit-confirmed timer in device seconds: {@code {seconds}}, {@code {minutes}} or {@code {hms}}. */
    private static long seconds(Matcher m) {
        if (hasGroup(m, "seconds")) {
            return Long.parseLong(m.group("seconds"));
        }
        if (hasGroup(m, "minutes")) {
            return Long.parseLong(m.group("minutes")) * 60;
        }
        String[] hms = m.group("hms").split(":");
        return Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Long.parseLong(hms[2]);
    }

    private static boolean hasGroup(Matcher m, String name) {
        try {
            return m.group(name) != null;
        } catch (IllegalArgumentException e) {
            return false; // the template has no such placeholder
        }
    }

    private static Optional<Matcher> match(CommandTemplate template, String command) {
        return template == null ? Optional.empty() : template.match(command);
    }

    private static boolean matches(CommandTemplate template, String command) {
        return template != null && template.matches(command);
    }

    private static boolean is(String command, String expected) {
        return command.strip().replaceAll("\\s+", " ").equalsIgnoreCase(expected);
    }
}
