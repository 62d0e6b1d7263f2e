package io.genja.ssh;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;

/** Runs one command over ssh and returns its output: a task as users write them, compiled by genja-processor. */
@GenjaTask(name = "run_command", connectionPluginName = "ssh")
public class RunCommand implements Task {

    @TaskOption(required = true, description = "the command to run")
    String command;

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        return HostTaskResult.passed(new TaskSuccess().withResult(context.executeCommand(command)));
    }
}
