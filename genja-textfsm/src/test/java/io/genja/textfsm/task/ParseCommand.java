package io.genja.textfsm.task;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;

/** Runs a command and returns its parsed records: what a user's task does with {@code context.parse}. */
@GenjaTask(name = "parse_command", connectionPluginName = "ssh")
public class ParseCommand implements Task {

    @TaskOption(required = true)
    String command;

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        return HostTaskResult.passed(new TaskSuccess().withResult(context.parse(command)));
    }
}
