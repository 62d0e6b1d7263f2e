package com.acme.genja;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;

/** Runs one command over ssh, whatever the platform: the platform's profile tells the plugin how to talk to it. */
@GenjaTask(name = "acme_command", connectionPluginName = "ssh")
public class AcmeCommand implements Task {

    @TaskOption(description = "the command to run")
    String command = "show version";

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        return HostTaskResult.passed(new TaskSuccess().withResult(context.executeCommand(command)));
    }
}
