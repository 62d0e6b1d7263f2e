package io.genja.netconf.tasks;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.connection.ConnectionException;
import io.genja.inventory.Host;
import io.genja.netconf.Datastore;
import io.genja.netconf.DefaultOperation;
import io.genja.netconf.NetconfSession;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskException;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Changes each device's configuration over NETCONF with {@code <edit-config>}: the XML given as an option or in a
 * file (the content of {@code <config>}; nodes may carry {@code nc:operation}). On a device with a candidate: lock it,
 * edit it, diff it against the running configuration, then commit (with a confirmed commit first when
 * {@code confirm_timeout} is set) or, when nothing changes, discard; unlock. Without a candidate the running
 * configuration is edited under its lock. A dry run edits the candidate, reports the diff, and discards it.
 */
@GenjaTask(name = "netconf_edit_config", connectionPluginName = "netconf", supportsDryRun = true)
public class NetconfEditConfig implements Task {

    private static final String CANDIDATE = "urn:ietf:params:netconf:capability:candidate:1.0";
    private static final String VALIDATE_1_0 = "urn:ietf:params:netconf:capability:validate:1.0";
    private static final String VALIDATE_1_1 = "urn:ietf:params:netconf:capability:validate:1.1";

    @TaskOption(description = "the configuration: XML that goes inside <config>")
    String config;

    @TaskOption(description = "a file holding the configuration XML")
    Path file;

    @TaskOption(description = "how nodes without nc:operation apply: merge, replace or none")
    DefaultOperation defaultOperation = DefaultOperation.MERGE;

    @TaskOption(description = "commit confirmed with this timeout, then confirm (candidate devices), e.g. 2m")
    Duration confirmTimeout;

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        String xml = configXml();
        NetconfSession netconf = NetconfSession.of(context);
        boolean candidate = netconf.hasCapability(CANDIDATE);
        if (!candidate && (context.task().dryRun() || confirmTimeout != null)) {
            throw new TaskException(FailureKind.UNSUPPORTED, host.name() + ": the device has no candidate datastore, so "
                    + (context.task().dryRun() ? "a dry run cannot try the change on it" : "it cannot commit confirmed")
                    + "; nothing was sent");
        }
        Datastore target = candidate ? Datastore.CANDIDATE : Datastore.RUNNING;
        netconf.lock(target);
        HostTaskResult result;
        try {
            result = candidate ? throughCandidate(netconf, xml, context.task().dryRun()) : onRunning(netconf, xml);
        } catch (Exception e) {
            try {
                netconf.unlock(target);
            } catch (ConnectionException unlockFailed) {
                e.addSuppressed(unlockFailed); // the first failure is the one to report (a broken session fails both)
            }
            throw e;
        }
        netconf.unlock(target);
        return result;
    }

    private HostTaskResult throughCandidate(NetconfSession netconf, String xml, boolean dryRun) throws Exception {
        String running = netconf.getConfig(Datastore.RUNNING, null);
        String diff;
        try {
            netconf.editConfig(Datastore.CANDIDATE, xml, defaultOperation);
            diff = diff(running, netconf.getConfig(Datastore.CANDIDATE, null));
            if (dryRun || diff.isEmpty()) {
                netconf.discardChanges();
            } else {
                if (netconf.hasCapability(VALIDATE_1_0) || netconf.hasCapability(VALIDATE_1_1)) {
                    netconf.validate(Datastore.CANDIDATE);
                }
                commit(netconf);
            }
        } catch (ConnectionException e) {
            discardQuietly(netconf);
            throw e;
        }
        if (diff.isEmpty()) {
            return HostTaskResult.passed(new TaskSuccess().withChanged(false)
                    .withSummary("nothing to change" + (dryRun ? " (dry run)" : "")));
        }
        String summary = dryRun ? "would change (dry run, candidate discarded)"
                : confirmTimeout != null ? "committed with a confirmed commit of " + confirmTimeout.toSeconds()
                        + " s, confirmed" : "committed";
        return HostTaskResult.passed(new TaskSuccess().withChanged(true).withDiff(diff).withSummary(summary));
    }

    private void commit(NetconfSession netconf) throws ConnectionException {
        if (confirmTimeout == null) {
            netconf.commit();
            return;
        }
        netconf.confirmedCommit(confirmTimeout, null);
        netconf.commit(); // the confirming commit: the session lived through the change, so it stays
    }

    private HostTaskResult onRunning(NetconfSession netconf, String xml) throws Exception {
        String before = netconf.getConfig(Datastore.RUNNING, null);
        netconf.editConfig(Datastore.RUNNING, xml, defaultOperation);
        String diff = diff(before, netconf.getConfig(Datastore.RUNNING, null));
        return HostTaskResult.passed(new TaskSuccess().withChanged(!diff.isEmpty()).withDiff(diff.isEmpty() ? null : diff)
                .withSummary(diff.isEmpty() ? "nothing to change" : "running configuration edited"));
    }

    private static void discardQuietly(NetconfSession netconf) {
        try {
            netconf.discardChanges();
        } catch (ConnectionException e) {
            // the first failure is the one to report; the device discards the candidate's changes when asked again
        }
    }

    /** Exactly one of {@code config} and {@code file}. */
    private String configXml() throws TaskException {
        if ((config == null) == (file == null)) {
            throw new TaskException(FailureKind.VALIDATION, "task \"netconf_edit_config\" needs exactly one of the"
                    + " options config and file; " + (config == null ? "none was given" : "both were given"));
        }
        if (config != null) {
            return config;
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new TaskException(FailureKind.VALIDATION, file + ": cannot read the configuration: " + e.getMessage(),
                    e);
        }
    }

    /** A unified diff of two pretty-printed configurations; empty when they are the same. */
    static String diff(String before, String after) {
        List<String> from = before.lines().toList();
        Patch<String> patch = DiffUtils.diff(from, after.lines().toList());
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("running", "candidate", from, patch, 3));
    }
}
