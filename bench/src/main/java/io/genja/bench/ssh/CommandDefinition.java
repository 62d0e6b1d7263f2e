package io.genja.bench.ssh;

import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskOptionSpec;
import io.genja.task.TaskOptions;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A hand-written task definition (the shape genja-processor generates): runs one command over {@code ssh}.
 * Hand-written so the benchmark does not depend on the processor.
 */
record CommandDefinition(String command) implements TaskDefinition {

    @Override
    public String name() {
        return "run_command";
    }

    @Override
    public Optional<String> connectionPluginName() {
        return Optional.of("ssh");
    }

    @Override
    public List<String> processors() {
        return List.of();
    }

    @Override
    public List<String> subTasks() {
        return List.of();
    }

    @Override
    public List<TaskOptionSpec> options() {
        return List.of();
    }

    @Override
    public String description() {
        return "runs one command";
    }

    @Override
    public Class<?> taskClass() {
        return CommandDefinition.class;
    }

    @Override
    public Object newTask() {
        return this;
    }

    @Override
    public void bindOptions(Object task, TaskOptions options) {
        // no options
    }

    @Override
    public boolean isAsync() {
        return false;
    }

    @Override
    public HostTaskResult start(Object task, Host host, TaskRuntimeContext context) throws Exception {
        return HostTaskResult.passed(new TaskSuccess().withResult(context.executeCommand(command)));
    }

    @Override
    public CompletionStage<HostTaskResult> startAsync(Object task, Host host, TaskRuntimeContext context) {
        throw new UnsupportedOperationException("not an async task");
    }
}
