package io.genja.examples.audit;

import io.genja.annotations.GenjaProcessor;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskResults;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an audit trail of every task that names it ({@code processors = "audit"}): who ran what, on which
 * hosts, and each host's outcome, to the {@code genja.audit} logger (where it goes is the settings'
 * {@code logging} section). Host hooks run on many threads at once; this class keeps no state.
 */
@GenjaProcessor(name = "audit")
public class AuditProcessor implements TaskProcessor {

    private static final Logger AUDIT = LoggerFactory.getLogger("genja.audit");

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public void onTaskStart(TaskInfo task, List<Host> hosts) {
        AUDIT.info("{} started by {} on {} hosts{}", task.name(), System.getProperty("user.name"), hosts.size(),
                task.dryRun() ? " (dry run)" : "");
    }

    @Override
    public HostTaskResult onHostFinish(TaskInfo task, Host host, HostTaskResult result) {
        if (result instanceof HostTaskResult.Passed passed) {
            AUDIT.info("{} {}: {}{}", task.name(), host.name(), passed.success().changed() ? "changed" : "ok",
                    passed.success().summary() == null ? "" : " - " + passed.success().summary());
        } else if (result instanceof HostTaskResult.Failed failed) {
            AUDIT.info("{} {}: failed - {}: {}", task.name(), host.name(), failed.failure().kind(),
                    failed.failure().message());
        } else if (result instanceof HostTaskResult.Skipped skipped) {
            AUDIT.info("{} {}: skipped - {}", task.name(), host.name(), skipped.skip().reason());
        }
        return result;
    }

    @Override
    public void onTaskFinish(TaskInfo task, TaskResults results) {
        AUDIT.info("{} finished: {}", task.name(), results.summary());
    }
}
