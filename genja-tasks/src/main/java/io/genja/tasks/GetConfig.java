package io.genja.tasks;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.connection.CliMode;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Reads each device's running, startup or candidate configuration into the result, or into a file per host in a
 * directory ({@code r1.cfg}, {@code r1.startup.cfg}, {@code r1.candidate.cfg}). Reads only: under a dry run it
 * writes no file and says where it would.
 */
@GenjaTask(name = "get_config", connectionPluginName = "ssh", supportsDryRun = true)
public class GetConfig implements Task {

    @TaskOption(description = "which configuration: running, startup or candidate")
    ConfigSource source = ConfigSource.RUNNING;

    @TaskOption(description = "write each host's configuration to a file in this directory instead of the result")
    Path directory;

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        DeviceCli cli = context.cli();
        if (cli.mode() == CliMode.USER) {
            cli.enable();
        }
        String config = read(cli, host);
        long lines = config.lines().count();
        if (directory == null) {
            return HostTaskResult.passed(new TaskSuccess().withResult(config)
                    .withSummary(lines + " lines of " + name(source) + " configuration"));
        }
        Path file = directory.resolve(host.name() + (source == ConfigSource.RUNNING ? "" : "." + name(source))
                + ".cfg");
        if (context.task().dryRun()) {
            return HostTaskResult.passed(new TaskSuccess().withResult(file.toString())
                    .withSummary("would write " + lines + " lines to " + file));
        }
        write(file, config);
        return HostTaskResult.passed(new TaskSuccess().withResult(file.toString())
                .withSummary(lines + " lines written to " + file));
    }

    @SuppressWarnings("try") // the session is open only so that the candidate can be shown
    private String read(DeviceCli cli, Host host) throws Exception {
        if (source != ConfigSource.CANDIDATE) {
            return cli.config(source);
        }
        if (!cli.configKind().hasCandidate()) {
            throw new TaskException(FailureKind.UNSUPPORTED, host.name() + ": platform " + cli.platform()
                    + " has no candidate configuration (its changes take effect as they are entered);"
                    + " use -o source=running");
        }
        // the candidate exists inside a configuration session; closing it discards nothing we changed
        try (ConfigSession session = cli.configure()) {
            return cli.config(ConfigSource.CANDIDATE);
        }
    }

    private static String name(ConfigSource source) {
        return source.name().toLowerCase(Locale.ROOT);
    }

    /** Writes through a temporary file, so an interrupted run never leaves half a configuration. */
    private static void write(Path file, String config) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, config);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
