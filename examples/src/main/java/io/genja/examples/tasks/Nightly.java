package io.genja.examples.tasks;

import io.genja.annotations.GenjaTask;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;

/**
 * The nightly job: records which site the device is in, then backs it up and reads its version, as sub-tasks
 * (each host runs them in this order; the results carry one entry per sub-task).
 */
@GenjaTask(name = "nightly", subTasks = {BackupConfig.class, ShowVersion.class})
public class Nightly implements Task {

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) {
        String site = host.data("site").map(Object::toString).orElse("no site");
        return HostTaskResult.passed(new TaskSuccess().withSummary(site).withMetadata("site", site));
    }
}
