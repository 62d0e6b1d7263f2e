package io.genja.testing;

import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskInstance;
import io.genja.task.TaskOptionSpec;
import io.genja.task.TaskOptions;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A hand-written {@link TaskDefinition} for tests (generated adapters cannot be used here: the annotation processor
 * builds after the runtime):
 * {@code TestTask.named("backup").plugin("mem").subTasks("a", "b").body((host, ctx) -> ...)}.
 */
public final class TestTask implements TaskDefinition {

    /** The body of a blocking task. */
    @FunctionalInterface
    public interface Body {
        HostTaskResult run(Host host, TaskRuntimeContext context) throws Exception;
    }

    /** The body of an asynchronous task. */
    @FunctionalInterface
    public interface AsyncBody {
        CompletionStage<HostTaskResult> run(Host host, TaskRuntimeContext context);
    }

    private final String name;
    private String plugin;
    private List<String> subTasks = List.of();
    private List<String> processors = List.of();
    private Body body = (host, context) -> HostTaskResult.passed(new TaskSuccess());
    private AsyncBody asyncBody;
    private boolean supportsDryRun;

    private TestTask(String name) {
        this.name = name;
    }

    /** A task that passes on every host until given a body. */
    public static TestTask named(String name) {
        return new TestTask(name);
    }

    public TestTask plugin(String plugin) {
        this.plugin = plugin;
        return this;
    }

    public TestTask subTasks(String... names) {
        this.subTasks = List.of(names);
        return this;
    }

    public TestTask processors(String... names) {
        this.processors = List.of(names);
        return this;
    }

    /** Declares dry-run support, as {@code @GenjaTask(supportsDryRun = true)} does. */
    public TestTask declaringDryRun() {
        this.supportsDryRun = true;
        return this;
    }

    public TestTask body(Body body) {
        this.body = body;
        this.asyncBody = null;
        return this;
    }

    public TestTask asyncBody(AsyncBody body) {
        this.asyncBody = body;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> connectionPluginName() {
        return Optional.ofNullable(plugin);
    }

    @Override
    public List<String> processors() {
        return processors;
    }

    @Override
    public List<String> subTasks() {
        return subTasks;
    }

    @Override
    public List<TaskOptionSpec> options() {
        return List.of();
    }

    @Override
    public String description() {
        return "test task " + name;
    }

    @Override
    public boolean supportsDryRun() {
        return supportsDryRun;
    }

    @Override
    public Class<?> taskClass() {
        return TestTask.class;
    }

    /** The task object of a {@code TestTask} is its body. */
    @Override
    public TaskInstance newInstance(TaskOptions options) {
        AsyncBody async = asyncBody;
        Body blocking = body;
        return async != null ? new TaskInstance.Async(async::run) : new TaskInstance.Blocking(blocking::run);
    }

    @Override
    public TaskInstance bindOptions(Object task, TaskOptions options) {
        return newInstance(options);
    }

    /** A passed result. */
    public static HostTaskResult ok() {
        return HostTaskResult.passed(new TaskSuccess());
    }

    /** A passed stage. */
    public static CompletionStage<HostTaskResult> okAsync() {
        return CompletableFuture.completedFuture(ok());
    }
}
