package io.genja.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.genja.processor.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.genja.Genja;
import io.genja.GenjaException;
import io.genja.RunOptions;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskInstance;
import io.genja.task.TaskOptionSpec;
import io.genja.task.TaskOptions;
import io.genja.task.TaskResults;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the generated code does at run time: tasks are compiled with the processor, loaded from the compilation's
 * output and run by the real runtime over three in-memory hosts.
 */
class GeneratedAdapterBehaviourTest {

    /** A plugin whose connections answer every command with "host: command", and record what happens. */
    private static final String ECHO_PLUGIN = """
            @GenjaConnectionPlugin(name = "echo")
            public class EchoPlugin implements ConnectionPlugin {
                @Override
                public String name() {
                    return "echo";
                }

                @Override
                public Connection create(ConnectionKey key) {
                    io.genja.processor.Touched.record("connect " + key.host());
                    return new Connection() {
                        private boolean open;

                        @Override
                        public void open(io.genja.inventory.ResolvedConnectionParams params) {
                            open = true;
                        }

                        @Override
                        public String executeCommand(String command) {
                            return key.host() + ": " + command;
                        }

                        @Override
                        public boolean isAlive() {
                            return open;
                        }

                        @Override
                        public ConnectionKey close() {
                            open = false;
                            return key;
                        }
                    };
                }
            }
            """;

    /** A task with options of several types and a required one; its result shows what was bound. */
    private static final String SHOW = """
            import java.time.Duration;
            import java.util.List;

            /** Runs show commands. Through the echo plugin. */
            @GenjaTask(name = "show", connectionPluginName = "echo")
            public class Show implements Task {
                public enum Format { TEXT, JSON }

                @TaskOption(required = true, description = "What to show")
                String what;

                @TaskOption
                int repeat = 1;

                @TaskOption
                Format format = Format.TEXT;

                @TaskOption
                Duration timeout = Duration.ofSeconds(30);

                @TaskOption
                List<String> tags = List.of();

                @Override
                public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
                    io.genja.processor.Touched.record("start " + host.name());
                    String output = context.executeCommand("show " + what);
                    return HostTaskResult.passed(new TaskSuccess().withResult(
                            output + " x" + repeat + " " + format + " " + timeout.toSeconds() + "s " + tags));
                }
            }
            """;

    /** A task without connection or required options, for {@code run("hello")}; async, with a sub-task. */
    private static final String HELLO = """
            @GenjaTask(name = "hello", subTasks = Goodbye.class)
            public class Hello implements AsyncTask {
                @TaskOption
                String greeting = "hello";

                @Override
                public CompletionStage<HostTaskResult> startAsync(Host host, TaskRuntimeContext context) {
                    io.genja.processor.Touched.record("start " + host.name());
                    return java.util.concurrent.CompletableFuture.completedFuture(
                            HostTaskResult.passed(new TaskSuccess().withResult(greeting + " " + host.name())));
                }
            }
            """;

    private static final String GOODBYE = """
            @GenjaTask(name = "goodbye")
            public class Goodbye implements Task {
                @Override
                public HostTaskResult start(Host host, TaskRuntimeContext context) {
                    return HostTaskResult.passed(new TaskSuccess().withResult("bye " + host.name()));
                }
            }
            """;

    private static final Inventory THREE_HOSTS = Inventory.builder().host("r1").host("r2").host("r3").build();

    @TempDir
    Path output;

    private URLClassLoader loader;

    @BeforeEach
    void compileAndLoad() {
        Touched.clear();
        Compilation compilation = Compilations.compile(source("EchoPlugin", ECHO_PLUGIN), source("Show", SHOW),
                source("Hello", HELLO), source("Goodbye", GOODBYE));
        assertThat(compilation).succeededWithoutWarnings();
        loader = Compilations.load(compilation, output);
    }

    @AfterEach
    void closeLoader() throws IOException {
        loader.close();
    }

    private Genja genja() {
        return Genja.builder(THREE_HOSTS).catalog(TaskCatalog.load(loader)).plugins(PluginManager.discover(loader)).build();
    }

    @Test
    void catalogListsTheTasksWithTheirOptions() throws Exception {
        TaskCatalog catalog = TaskCatalog.load(loader);
        assertThat(catalog.names()).containsExactly("goodbye", "hello", "show");

        TaskDefinition show = catalog.find("show").orElseThrow();
        assertThat(show.taskClass().getName()).isEqualTo("com.acme.Show");
        assertThat(show.connectionPluginName()).contains("echo");
        assertThat(show.description()).isEqualTo("Runs show commands.");
        assertThat(show.newInstance(TaskOptions.of(Map.of("what", "version")))).isInstanceOf(TaskInstance.Blocking.class);
        assertThat(show.options()).containsExactly(
                new TaskOptionSpec("what", "java.lang.String", true, "What to show"),
                new TaskOptionSpec("repeat", "int", false, ""),
                new TaskOptionSpec("format", "com.acme.Show.Format", false, ""),
                new TaskOptionSpec("timeout", "java.time.Duration", false, ""),
                new TaskOptionSpec("tags", "java.util.List<java.lang.String>", false, ""));

        TaskDefinition hello = catalog.find("hello").orElseThrow();
        assertThat(hello.subTasks()).containsExactly("goodbye");
        TaskInstance helloInstance = hello.newInstance(TaskOptions.empty());
        assertThat(helloInstance).isInstanceOf(TaskInstance.Async.class);
        assertThat(((TaskInstance.Async) helloInstance).task().getClass()).isSameAs(hello.taskClass());
    }

    @Test
    void runByNameGivesEveryHostAResult() {
        try (Genja genja = genja()) {
            TaskResults results = genja.run("hello");
            assertThat(results.hosts()).containsExactly("r1", "r2", "r3");
            assertThat(results.passedHosts()).containsExactly("r1", "r2", "r3");
            assertThat(resultOf(results.hostResult("r2"))).isEqualTo("hello r2");
            assertThat(resultOf(results.subTask("goodbye").hostResult("r3"))).isEqualTo("bye r3");
        }
    }

    @Test
    void optionsAreConvertedAndAssigned() {
        try (Genja genja = genja()) {
            TaskResults results = genja.run("hello", RunOptions.defaults().option("greeting", "hi"));
            assertThat(resultOf(results.hostResult("r1"))).isEqualTo("hi r1");

            TaskResults shown = genja.run("show", RunOptions.defaults().option("what", "version").option("repeat", "3")
                    .option("format", "json").option("timeout", "2m").option("tags", "a, b"));
            assertThat(resultOf(shown.hostResult("r1"))).isEqualTo("r1: show version x3 JSON 120s [a, b]");
        }
    }

    @Test
    void connectionPluginTaskGetsItsConnectionThroughTheContext() {
        try (Genja genja = genja()) {
            TaskResults results = genja.run("show", RunOptions.defaults().option("what", "version"));
            assertThat(results.passedHosts()).containsExactly("r1", "r2", "r3");
            assertThat(resultOf(results.hostResult("r1"))).isEqualTo("r1: show version x1 TEXT 30s []");
            assertThat(resultOf(results.hostResult("r3"))).isEqualTo("r3: show version x1 TEXT 30s []");
            // Hosts run concurrently (threaded runner): the order holds per host, not across hosts.
            for (String host : List.of("r1", "r2", "r3")) {
                assertThat(Touched.events()).filteredOn(event -> event.endsWith(" " + host))
                        .containsExactly("connect " + host, "start " + host);
            }
            assertThat(Touched.events()).hasSize(6);
        }
    }

    @Test
    void taskUsesAPluginRegisteredOnlyAtRunTime() throws IOException {
        Compilation compilation = Compilations.compile(List.of("-Agenja.connectionPlugins=memory"), source("Uptime", """
                @GenjaTask(name = "uptime", connectionPluginName = "memory")
                public class Uptime implements Task {
                    @Override
                    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
                        return HostTaskResult.passed(new TaskSuccess().withResult(
                                context.connection().orElseThrow().executeCommand("uptime")));
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        PluginManager plugins = new PluginManager().register(new MemoryConnectionPlugin());
        try (URLClassLoader uptimeLoader = Compilations.load(compilation, output.resolve("uptime"));
             Genja genja = Genja.builder(THREE_HOSTS).catalog(TaskCatalog.load(uptimeLoader)).plugins(plugins).build()) {
            TaskResults results = genja.run("uptime");
            assertThat(results.hosts()).containsExactly("r1", "r2", "r3");
            assertThat(resultOf(results.hostResult("r1"))).isEqualTo("r1 ran uptime");
            assertThat(resultOf(results.hostResult("r2"))).isEqualTo("r2 ran uptime");
            assertThat(resultOf(results.hostResult("r3"))).isEqualTo("r3 ran uptime");
        }
    }

    @Test
    void missingRequiredOptionFailsTheRunBeforeAnyHostIsTouched() {
        try (Genja genja = genja()) {
            assertThatThrownBy(() -> genja.run("show"))
                    .isInstanceOf(GenjaException.class)
                    .hasMessage("task \"show\" needs option \"what\"; give it with -o what=<value>");
        }
        assertThat(Touched.events()).isEmpty();
    }

    @Test
    void valueThatDoesNotConvertFailsTheRunBeforeAnyHostIsTouched() {
        try (Genja genja = genja()) {
            assertThatThrownBy(() -> genja.run("show", RunOptions.defaults().option("what", "version")
                    .option("repeat", "many")))
                    .isInstanceOf(GenjaException.class)
                    .hasMessage("task \"show\": option \"repeat\" has value \"many\", which is not an int");
            assertThatThrownBy(() -> genja.run("show", RunOptions.defaults().option("what", "version")
                    .option("format", "yaml")))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageContaining("option \"format\" has value \"yaml\", which is not one of text, json");
        }
        assertThat(Touched.events()).isEmpty();
    }

    @Test
    void badValueLeavesTheTaskObjectUntouched() throws Exception {
        TaskDefinition show = TaskCatalog.load(loader).find("show").orElseThrow();
        Object task = show.taskClass().getConstructor().newInstance();
        assertThatThrownBy(() -> show.bindOptions(task, TaskOptions.of(Map.of("what", "version", "timeout", "soon"))))
                .hasMessageContaining("option \"timeout\"");
        assertThat(field(task, "what")).isNull();
        assertThat(field(task, "timeout")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void optionsAreBoundOnTopOfATaskObjectTheCallerConfigured() throws Exception {
        TaskDefinition show = TaskCatalog.load(loader).find("show").orElseThrow();
        Object task = show.taskClass().getConstructor().newInstance();
        Field repeat = task.getClass().getDeclaredField("repeat");
        repeat.setAccessible(true);
        repeat.setInt(task, 5); // as the caller configured it: an option not given leaves it alone

        TaskInstance bound = show.bindOptions(task, TaskOptions.of(Map.of("what", "version")));

        assertThat(bound).isInstanceOf(TaskInstance.Blocking.class);
        assertThat(((TaskInstance.Blocking) bound).task()).isSameAs(task);
        assertThat(field(task, "what")).isEqualTo("version");
        assertThat(field(task, "repeat")).isEqualTo(5);
        assertThatThrownBy(() -> show.bindOptions("not a task", TaskOptions.of(Map.of("what", "version"))))
                .isInstanceOf(ClassCastException.class);
    }

    /**
     * A task whose options come from two superclasses, one in another package: {@code AbstractDeviceTask} (public
     * options) and {@code AbstractReloadTask} (a package-private option in the task's package).
     */
    private Compilation compileReload() {
        Compilation compilation = Compilations.compile(
                source("com.acme.base", "AbstractDeviceTask", """
                        public abstract class AbstractDeviceTask implements Task {
                            @TaskOption
                            public boolean dryRun;

                            @TaskOption(required = true)
                            public String site;
                        }
                        """),
                source("AbstractReloadTask", """
                        public abstract class AbstractReloadTask<T> extends com.acme.base.AbstractDeviceTask {
                            @TaskOption
                            int retries = 1;

                            @TaskOption
                            T reason;
                        }
                        """),
                source("Reload", """
                        @GenjaTask(name = "reload")
                        public class Reload extends AbstractReloadTask<String> {
                            @TaskOption
                            int delay = 5;

                            @Override
                            public HostTaskResult start(Host host, TaskRuntimeContext context) {
                                io.genja.processor.Touched.record("start " + host.name());
                                return HostTaskResult.passed(new TaskSuccess().withResult("reload " + host.name() + " at "
                                        + site + (dryRun ? " (dry run)" : "") + " x" + retries + " in " + delay + "s: "
                                        + reason));
                            }
                        }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    @Test
    void inheritedOptionsAreListedSuperclassFirstAndBoundAtRunTime() throws IOException {
        try (URLClassLoader reloadLoader = Compilations.load(compileReload(), output.resolve("reload"));
             Genja genja = Genja.builder(THREE_HOSTS).catalog(TaskCatalog.load(reloadLoader)).build()) {
            TaskDefinition reload = TaskCatalog.load(reloadLoader).find("reload").orElseThrow();
            assertThat(reload.options()).containsExactly(
                    new TaskOptionSpec("dry_run", "boolean", false, ""),
                    new TaskOptionSpec("site", "java.lang.String", true, ""),
                    new TaskOptionSpec("retries", "int", false, ""),
                    new TaskOptionSpec("reason", "java.lang.String", false, ""),
                    new TaskOptionSpec("delay", "int", false, ""));

            TaskResults results = genja.run("reload", RunOptions.defaults().option("site", "dc1")
                    .option("dry_run", "on").option("retries", "3").option("reason", "upgrade"));
            assertThat(results.passedHosts()).containsExactly("r1", "r2", "r3");
            assertThat(resultOf(results.hostResult("r1"))).isEqualTo("reload r1 at dc1 (dry run) x3 in 5s: upgrade");
        }
    }

    @Test
    void missingInheritedRequiredOptionFailsTheRunBeforeAnyHostIsTouched() throws IOException {
        try (URLClassLoader reloadLoader = Compilations.load(compileReload(), output.resolve("reload"));
             Genja genja = Genja.builder(THREE_HOSTS).catalog(TaskCatalog.load(reloadLoader)).build()) {
            assertThatThrownBy(() -> genja.run("reload", RunOptions.defaults().option("dry_run", "yes")))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageContaining("task \"reload\" needs option \"site\"; give it with -o site=<value>");
            assertThatThrownBy(() -> genja.run("reload", RunOptions.defaults().option("site", "dc1")
                    .option("dry_run", "maybe")))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageContaining("option \"dry_run\" has value \"maybe\"");
        }
        assertThat(Touched.events()).isEmpty();
    }

    @Test
    void dryRunSupportIsDeclaredInTheAdapterAndCatalogAndADryRunRefusesATreeThatLacksIt() throws IOException {
        Compilation compilation = Compilations.compile(source("EchoPlugin", ECHO_PLUGIN), source("Show", SHOW),
                source("Preview", """
                        /** Shows what would change. */
                        @GenjaTask(name = "preview", connectionPluginName = "echo", supportsDryRun = true,
                                subTasks = Show.class)
                        public class Preview implements Task {
                            @Override
                            public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
                                io.genja.processor.Touched.record("start " + host.name());
                                context.executeCommand("show running-config");
                                return HostTaskResult.passed(new TaskSuccess().withResult(
                                        context.task().dryRun() ? "would change" : "changed"));
                            }
                        }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
                "META-INF/genja/task-catalog.json").contentsAsUtf8String()
                .contains("\"name\": \"preview\",\n      \"class\": \"com.acme.Preview\",\n"
                        + "      \"connectionPlugin\": \"echo\",\n      \"processors\": [],\n"
                        + "      \"subTasks\": [\n        \"show\"\n      ],\n      \"supportsDryRun\": true,");
        try (URLClassLoader previewLoader = Compilations.load(compilation, output.resolve("preview"));
             Genja genja = Genja.builder(THREE_HOSTS).catalog(TaskCatalog.load(previewLoader))
                     .plugins(PluginManager.discover(previewLoader)).build()) {
            TaskCatalog catalog = TaskCatalog.load(previewLoader);
            assertThat(catalog.find("preview").orElseThrow().supportsDryRun()).isTrue();
            assertThat(catalog.find("show").orElseThrow().supportsDryRun()).isFalse();

            RunOptions dryRun = RunOptions.defaults().dryRun(true).option("what", "version");
            assertThatThrownBy(() -> genja.run("preview", dryRun))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageStartingWith("dry run refused for task \"preview\": task \"show\" does not declare"
                            + " @GenjaTask(supportsDryRun = true)");
            assertThat(Touched.events()).as("no connection opened, no task started").isEmpty();

            TaskResults previewOnly = genja.run("preview", dryRun.maxDepth(0));
            assertThat(resultOf(previewOnly.hostResult("r2"))).isEqualTo("would change");
        }
    }

    private static Object field(Object task, String name) throws ReflectiveOperationException {
        Field field = task.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(task);
    }

    private static Object resultOf(HostTaskResult result) {
        assertThat(result.isPassed()).as("%s", result).isTrue();
        return ((HostTaskResult.Passed) result).success().result();
    }
}
