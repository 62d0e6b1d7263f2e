package com.acme.genja;

import io.genja.annotations.GenjaTask;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;

/** Asks a lab host for the time; the result names the thread that ran it, so tests can see which runner did. */
@GenjaTask(name = "show_clock", connectionPluginName = "lab")
public class ShowClock implements Task {

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        return HostTaskResult.passed(new TaskSuccess().withResult(context.executeCommand("show clock"))
                .withMetadata("thread", Thread.currentThread().getName()));
    }
}
