package io.genja.netconf.tasks;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.inventory.Host;
import io.genja.netconf.Datastore;
import io.genja.netconf.NetconfSession;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Reads each device's running, candidate or startup configuration over NETCONF ({@code <get-config>}, optionally
 * with a subtree filter) into the result, or into a file per host in a directory ({@code r1.xml},
 * {@code r1.candidate.xml}). Reads only: under a dry run it writes no file and says where it would.
 */
@GenjaTask(name = "netconf_get_config", connectionPluginName = "netconf", supportsDryRun = true)
public class NetconfGetConfig implements Task {

    @TaskOption(description = "which datastore: running, candidate or startup")
    Datastore source = Datastore.RUNNING;

    @TaskOption(description = "a subtree filter (the XML inside <filter>), e.g. <system xmlns=\"urn:example:system\"/>")
    String filter;

    @TaskOption(description = "write each host's configuration to a file in this directory instead of the result")
    Path directory;

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        String config = NetconfSession.of(context).getConfig(source, filter);
        String what = source.name().toLowerCase(Locale.ROOT);
        long lines = config.lines().count();
        if (directory == null) {
            return HostTaskResult.passed(new TaskSuccess().withResult(config)
                    .withSummary(lines + " lines of " + what + " configuration"));
        }
        Path file = directory.resolve(host.name() + (source == Datastore.RUNNING ? "" : "." + what) + ".xml");
        if (context.task().dryRun()) {
            return HostTaskResult.passed(new TaskSuccess().withResult(file.toString())
                    .withSummary("would write " + lines + " lines to " + file));
        }
        write(file, config);
        return HostTaskResult.passed(new TaskSuccess().withResult(file.toString())
                .withSummary(lines + " lines written to " + file));
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
