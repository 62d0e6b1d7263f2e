package com.acme;

import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskOptionSpec;
import io.genja.task.TaskOptions;
import io.genja.task.TaskRuntimeContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * The {@link TaskDefinition} of {@link Checks.Ping}, task {@code ping}.
 * Creates the task, binds its options and starts it, without reflection.
 */
@Generated("io.genja.processor.GenjaProcessor")
public final class Checks_Ping_GenjaAdapter implements TaskDefinition {
    private static final String NAME = "ping";

    /**
     * Called by {@link java.util.ServiceLoader}.
     */
    public Checks_Ping_GenjaAdapter() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> connectionPluginName() {
        return Optional.empty();
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
        return "Says \"pong\"\tback";
    }

    @Override
    public Class<Checks.Ping> taskClass() {
        return Checks.Ping.class;
    }

    @Override
    public Checks.Ping newTask() {
        return new Checks.Ping();
    }

    @Override
    public void bindOptions(Object task, TaskOptions options) {
        // Checks.Ping has no @TaskOption fields
    }

    @Override
    public boolean isAsync() {
        return true;
    }

    @Override
    public HostTaskResult start(Object task, Host host, TaskRuntimeContext ctx) {
        throw new UnsupportedOperationException("task \"ping\" is an AsyncTask: call startAsync");
    }

    @Override
    public CompletionStage<HostTaskResult> startAsync(Object task, Host host,
            TaskRuntimeContext ctx) {
        return ((Checks.Ping) task).startAsync(host, ctx);
    }
}
