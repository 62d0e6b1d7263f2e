package io.genja.cli;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;

/**
 * Greets each host. A real task, compiled with the annotation processor, so that a {@code genja} process on the
 * test class path finds it as it finds users' tasks.
 */
@GenjaTask(name = "greet")
public class Greet implements Task {

    @TaskOption(description = "the word to greet with")
    String greeting = "hello";

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) {
        return HostTaskResult.passed(new TaskSuccess().withSummary(greeting + " " + host.name()));
    }
}
