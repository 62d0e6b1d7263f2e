package io.genja.cli;

import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskException;
import io.genja.task.TaskOptionSpec;
import io.genja.task.TaskOptions;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The {@code greet} task registered in this module's test {@code META-INF/services}, so a {@code genja} process
 * started on the test class path finds it the way it finds generated adapters.
 */
public final class GreetTaskDefinition implements TaskDefinition {

    private final FakeTask delegate = FakeTask.of("greet",
            (host, context) -> HostTaskResult.passed(new TaskSuccess().withSummary("hello " + host.name())));

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Optional<String> connectionPluginName() {
        return delegate.connectionPluginName();
    }

    @Override
    public List<String> processors() {
        return delegate.processors();
    }

    @Override
    public List<String> subTasks() {
        return delegate.subTasks();
    }

    @Override
    public List<TaskOptionSpec> options() {
        return delegate.options();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public Class<?> taskClass() {
        return GreetTaskDefinition.class;
    }

    @Override
    public Object newTask() {
        return delegate.newTask();
    }

    @Override
    public void bindOptions(Object task, TaskOptions options) throws TaskException {
        delegate.bindOptions(task, options);
    }

    @Override
    public boolean isAsync() {
        return false;
    }

    @Override
    public HostTaskResult start(Object task, Host host, TaskRuntimeContext context) throws Exception {
        return delegate.start(task, host, context);
    }

    @Override
    public CompletionStage<HostTaskResult> startAsync(Object task, Host host, TaskRuntimeContext context) {
        return delegate.startAsync(task, host, context);
    }
}
