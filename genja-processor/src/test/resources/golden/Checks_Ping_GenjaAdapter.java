package com.acme;

import io.genja.task.TaskDefinition;
import io.genja.task.TaskInstance;
import io.genja.task.TaskOptionSpec;
import io.genja.task.TaskOptions;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The {@link TaskDefinition} of {@link Checks.Ping}, task {@code ping}.
 * Creates the task and binds its options, without reflection.
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
    public TaskInstance newInstance(TaskOptions options) {
        return bindOptions(new Checks.Ping(), options);
    }

    @Override
    public TaskInstance bindOptions(Object task, TaskOptions options) {
        // Checks.Ping has no @TaskOption fields
        return new TaskInstance.Async((Checks.Ping) task);
    }
}
