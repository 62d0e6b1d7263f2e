package io.genja.ssh;

import io.genja.annotations.GenjaTask;
import io.genja.connection.DeviceCli;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;

/** Reaches privileged mode through the device API and shows the privilege level: as users write such tasks. */
@GenjaTask(name = "enable_and_show", connectionPluginName = "ssh")
public class EnableAndShow implements Task {

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        DeviceCli cli = context.cli();
        String before = cli.mode().toString();
        cli.enable();
        return HostTaskResult.passed(new TaskSuccess().withResult(before + " -> " + cli.mode() + ": "
                + cli.send("show privilege")));
    }
}
