package io.genja.bench.ssh;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;

/** Runs one command over {@code ssh} and keeps its output: what the fan-out measures. */
@GenjaTask(name = "run_command", connectionPluginName = "ssh")
public class RunCommand implements Task {

    /** The command to run on every host. */
    @TaskOption(required = true)
    String command;

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        return HostTaskResult.passed(new TaskSuccess().withResult(context.executeCommand(command)));
    }
}
