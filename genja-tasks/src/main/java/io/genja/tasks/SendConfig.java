package io.genja.tasks;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.connection.ConnectionException;
import io.genja.connection.CliMode;
import io.genja.connection.ConfigKind;
import io.genja.connection.ConfigRejectedException;
import io.genja.connection.ConfigSession;
import io.genja.connection.ConfigSource;
import io.genja.connection.DeviceCli;
import io.genja.inventory.Host;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskException;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import io.genja.tasks.template.HostVariables;
import io.genja.tasks.template.TemplateException;
import io.genja.tasks.template.TemplateRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes each device's configuration: lines given as an option, a file of lines, or a Jinja2 template rendered
 * per host with its data. The same way on every platform: IOS applies line by line (and saves on request),
 * IOS-XR, Junos and EOS commit a candidate (with commit confirmed on request), NX-OS rolls back to its checkpoint
 * when a line is rejected. The result says whether anything changed, with the diff and the lines applied; a second
 * run of the same change reports nothing to change. A dry run changes nothing and shows what would change.
 */
@GenjaTask(name = "send_config", connectionPluginName = "ssh", supportsDryRun = true)
public class SendConfig implements Task {

    @TaskOption(description = "configuration lines, comma-separated (or a list from code)")
    List<String> lines = List.of();

    @TaskOption(description = "a file of configuration lines, sent as written")
    Path file;

    @TaskOption(description = "a Jinja2 template rendered per host (host.name, host.platform, host.data.*, vars)")
    Path template;

    @TaskOption(description = "template variables, each KEY=VALUE, comma-separated")
    List<String> vars = List.of();

    @TaskOption(description = "commit confirmed with this timer, then confirm (candidate platforms), e.g. 5m")
    Duration commitConfirmed;

    @TaskOption(description = "save the running configuration to the startup configuration afterwards")
    boolean save;

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        List<String> config = configLines(host, context);
        if (config.isEmpty()) {
            return HostTaskResult.passed(new TaskSuccess().withResult(List.of())
                    .withSummary("no configuration lines for this host: nothing to send"));
        }
        DeviceCli cli = context.cli();
        if (cli.mode() == CliMode.USER) {
            cli.enable();
        }
        ConfigKind kind = cli.configKind();
        if (commitConfirmed != null && !kind.hasCandidate()) {
            throw new TaskException(FailureKind.VALIDATION, "commit_confirmed: platform " + cli.platform()
                    + " has no candidate to commit (its lines take effect as they are entered), so nothing was"
                    + " sent to " + host.name() + "; leave commit_confirmed unset for such hosts");
        }
        if (context.task().dryRun()) {
            return kind.hasCandidate() ? previewOnDevice(cli, config) : previewAgainstRunning(cli, host, config);
        }
        return kind.hasCandidate() ? commitCandidate(cli, host, config) : applyLineByLine(cli, host, config);
    }

    /** The lines to send to {@code host}: exactly one of {@code lines}, {@code file} and {@code template}. */
    List<String> configLines(Host host, TaskRuntimeContext context) throws TaskException {
        int sources = (lines.isEmpty() ? 0 : 1) + (file == null ? 0 : 1) + (template == null ? 0 : 1);
        if (sources != 1) {
            throw new TaskException(FailureKind.VALIDATION, "task \"send_config\" needs exactly one of the options "
                    + "lines, file and template; " + (sources == 0 ? "none was given" : sources + " were given"));
        }
        if (!lines.isEmpty()) {
            return lines;
        }
        if (file != null) {
            try {
                return Files.readAllLines(file).stream().map(String::stripTrailing)
                        .filter(line -> !line.isBlank()).toList();
            } catch (IOException e) {
                throw new TaskException(FailureKind.VALIDATION, file + ": cannot read the configuration file: "
                        + e.getMessage(), e);
            }
        }
        try {
            return TemplateRenderer.of(template).renderLines(HostVariables.of(host, templateOptions(context)));
        } catch (TemplateException e) {
            throw new TaskException(FailureKind.VALIDATION, "task \"send_config\": " + e.getMessage(), e);
        }
    }

    /** The task's options and the {@code vars} pairs, as the template sees them. */
    private Map<String, Object> templateOptions(TaskRuntimeContext context) throws TaskException {
        Map<String, Object> variables = new LinkedHashMap<>(context.options().asMap());
        for (String pair : vars) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new TaskException(FailureKind.VALIDATION, "task \"send_config\": vars: \"" + pair
                        + "\" is not KEY=VALUE, e.g. -o vars=ntp_server=192.0.2.1");
            }
            variables.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return variables;
    }

    /** Dry run on a candidate platform: apply to the candidate, take the device's diff, discard. */
    private HostTaskResult previewOnDevice(DeviceCli cli, List<String> config) throws Exception {
        try (ConfigSession session = cli.configure()) {
            List<String> applied = apply(session, config);
            Optional<String> diff = session.diff();
            session.discard();
            return diff.filter(ConfigText::showsChange)
                    .map(text -> HostTaskResult.passed(new TaskSuccess().withChanged(true).withDiff(text)
                            .withResult(applied).withSummary("would change (dry run, candidate discarded)")))
                    .orElseGet(() -> nothingToChange(applied, " (dry run)"));
        }
    }

    /** Dry run without a candidate: the lines against the running configuration, nothing sent in config mode. */
    private HostTaskResult previewAgainstRunning(DeviceCli cli, Host host, List<String> config) throws Exception {
        String diff = ConfigText.preview(cli.config(ConfigSource.RUNNING), config, host.name());
        if (diff.isEmpty()) {
            return nothingToChange(List.of(), " (dry run)");
        }
        long changes = diff.lines().skip(2).filter(line -> line.startsWith("+") || line.startsWith("-")).count();
        return HostTaskResult.passed(new TaskSuccess().withChanged(true).withDiff(diff).withResult(config)
                .withSummary("would change " + changes + " line" + (changes == 1 ? "" : "s") + " (dry run)"));
    }

    /** A candidate platform: apply, diff, then commit (or commit confirmed and confirm), or discard if no diff. */
    private HostTaskResult commitCandidate(DeviceCli cli, Host host, List<String> config) throws Exception {
        try (ConfigSession session = cli.configure()) {
            List<String> applied = apply(session, config);
            Optional<String> diff = session.diff().filter(ConfigText::showsChange);
            if (diff.isEmpty()) {
                session.discard();
                return nothingToChange(applied, "");
            }
            String how = "committed";
            if (commitConfirmed != null) {
                commitConfirmedAndConfirm(session, host);
                how = "committed with commit confirmed " + commitConfirmed.toSeconds() + " s, confirmed";
            } else {
                session.commit();
            }
            if (save) {
                session.save();
                how += ", saved";
            }
            return HostTaskResult.passed(new TaskSuccess().withChanged(true).withDiff(diff.get())
                    .withResult(applied).withSummary(how + ": " + count(applied)));
        }
    }

    /**
     * Commits with the device's rollback timer, then confirms. When the session breaks in between (during the
     * commit or before the confirmation), the device rolls the change back on its own when the timer runs out: the
     * failure says so.
     */
    private void commitConfirmedAndConfirm(ConfigSession session, Host host) throws Exception {
        try {
            session.commitConfirmed(commitConfirmed);
            session.confirm();
        } catch (ConnectionException e) {
            if (e.kind() != FailureKind.CONNECTION && e.kind() != FailureKind.TIMEOUT) {
                throw e;
            }
            throw new TaskException(e.kind(), host.name() + ": the change was sent with commit confirmed but not"
                    + " confirmed, so the device rolls it back when its timer of " + commitConfirmed.toSeconds()
                    + " s runs out (" + e.getMessage() + ")", e);
        }
    }

    /** IOS and NX-OS: lines take effect as entered; the running configuration before and after is the diff. */
    private HostTaskResult applyLineByLine(DeviceCli cli, Host host, List<String> config) throws Exception {
        String before = cli.config(ConfigSource.RUNNING);
        List<String> applied;
        try (ConfigSession session = cli.configure()) {
            applied = apply(session, config);
            session.commit();
            if (save) {
                session.save(); // leaves configuration mode, then copies running to startup
            }
        }
        String after = cli.config(ConfigSource.RUNNING);
        String diff = ConfigText.unifiedDiff(before, after, host.name() + " running-config (before)",
                host.name() + " running-config (after)");
        String saved = save ? ", saved" : "";
        if (diff.isEmpty()) {
            return nothingToChange(applied, saved);
        }
        return HostTaskResult.passed(new TaskSuccess().withChanged(true).withDiff(diff).withResult(applied)
                .withSummary("applied" + saved + ": " + count(applied)));
    }

    /**
     * Applies {@code config}; a rejected line becomes a {@code COMMAND} failure naming the line, the device's
     * message and what happened to the lines before it.
     */
    private static List<String> apply(ConfigSession session, List<String> config) throws Exception {
        try {
            return session.apply(config);
        } catch (ConfigRejectedException e) {
            ConfigKind kind = session.kind();
            String before = kind.hasCandidate() ? "nothing was applied (the candidate was discarded)"
                    : kind == ConfigKind.CHECKPOINT ? "the checkpoint was restored"
                    : e.applied().isEmpty() ? "no line was applied before it"
                    : "applied before it: " + String.join(" | ", e.applied());
            throw new TaskException(FailureKind.COMMAND, "line \"" + e.line() + "\" was rejected: "
                    + e.deviceMessage() + "; " + before, e);
        }
    }

    private static HostTaskResult nothingToChange(List<String> applied, String note) {
        return HostTaskResult.passed(new TaskSuccess().withChanged(false).withResult(applied)
                .withSummary("nothing to change" + note));
    }

    private static String count(List<String> applied) {
        return applied.size() + " line" + (applied.size() == 1 ? "" : "s");
    }

}
