package io.genja.examples.tasks;

import io.genja.connection.Connection;
import io.genja.inventory.Host;
import io.genja.task.FailureKind;
import io.genja.task.TaskException;
import io.genja.task.TaskInfo;
import io.genja.task.TaskOptions;
import io.genja.task.TaskRuntimeContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A context whose commands answer from a script: enough to test what a task makes of a device's output. */
record ScriptedContext(Host host, Map<String, String> outputs, boolean dryRun) implements TaskRuntimeContext {

    @Override
    public TaskInfo task() {
        return new TaskInfo("test", "ssh", 0, 0, dryRun);
    }

    @Override
    public Optional<Connection> connection() {
        return Optional.empty();
    }

    @Override
    public String executeCommand(String command) throws TaskException {
        String output = outputs.get(command);
        if (output == null) {
            throw new TaskException(FailureKind.COMMAND, "% Invalid input detected: " + command);
        }
        return output;
    }

    @Override
    public CompletionStage<String> executeCommandAsync(String command) {
        try {
            return CompletableFuture.completedFuture(executeCommand(command));
        } catch (TaskException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public TaskOptions options() {
        return TaskOptions.empty();
    }
}
