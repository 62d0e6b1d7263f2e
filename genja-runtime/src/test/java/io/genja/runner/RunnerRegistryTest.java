package io.genja.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.Genja;
import io.genja.GenjaException;
import io.genja.RunOptions;
import io.genja.plugin.PluginManager;
import io.genja.settings.RunnerSettings;
import io.genja.settings.Settings;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskResults;
import io.genja.testing.Fixtures;
import io.genja.testing.TestTask;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runners are found by name: the built-in ones and one written outside genja-runtime alike. */
class RunnerRegistryTest {

    /** A runner as a third party writes one: every host on one thread of its own, one after another. */
    public static final class OneThreadRunner implements Runner {
        final List<RunnerContext> opened = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "one-thread";
        }

        @Override
        public Lanes open(RunnerContext context) {
            opened.add(context);
            ExecutorService thread = Executors.newSingleThreadExecutor(step -> new Thread(step, "one-thread-runner"));
            return new Lanes() {
                @Override
                public int maxInFlight() {
                    return 1;
                }

                @Override
                public int parallelism() {
                    return 1;
                }

                @Override
                public void execute(Runnable step) {
                    thread.execute(step);
                }

                @Override
                public void close() {
                    thread.shutdownNow();
                }
            };
        }
    }

    /** Another class that claims the name "threaded". */
    public static final class Impostor implements Runner {
        @Override
        public String name() {
            return "threaded";
        }

        @Override
        public Lanes open(RunnerContext context) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void everyManagerKnowsTheBuiltInRunnersThroughTheSameRegistry() {
        assertThat(new PluginManager().runnerNames()).containsExactly("async", "serial", "threaded");
        assertThat(PluginManager.discover().findRunner("threaded")).get().extracting(Runner::name)
                .isEqualTo("threaded");
    }

    @Test
    void aRegisteredRunnerIsFoundByNameAndGetsTheRunsContext() {
        OneThreadRunner runner = new OneThreadRunner();
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        TestTask task = TestTask.named("task").body((host, ctx) -> {
            seen.add(host.name() + "@" + Thread.currentThread().getName());
            return TestTask.ok();
        });
        PluginManager plugins = new PluginManager().register(runner);
        Settings settings = Settings.defaults().withRunner(new RunnerSettings("one-thread", 3, Map.of("pace", 5)));
        try (Genja genja = Genja.builder(Fixtures.hosts(5)).settings(settings).plugins(plugins)
                .catalog(TaskCatalog.of(List.of(task))).build()) {
            TaskResults results = genja.run("task");

            assertThat(results.summary().passed()).isEqualTo(5);
            assertThat(seen).containsExactly("h0@one-thread-runner", "h1@one-thread-runner", "h2@one-thread-runner",
                    "h3@one-thread-runner", "h4@one-thread-runner");
            assertThat(runner.opened).containsExactly(new RunnerContext(5, 3, false, Map.of("pace", 5)));

            genja.run("task", RunOptions.defaults().workers(7));
            assertThat(runner.opened.get(1)).isEqualTo(new RunnerContext(5, 7, true, Map.of("pace", 5)));
        }
    }

    @Test
    void aMistypedRunnerFailsBeforeAnyHostIsTouchedWithASuggestionAndTheKnownRunners() {
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        TestTask task = TestTask.named("task").body((host, ctx) -> {
            seen.add(host.name());
            return TestTask.ok();
        });
        PluginManager plugins = new PluginManager().register(new OneThreadRunner());
        try (Genja genja = Genja.builder(Fixtures.hosts(2)).plugins(plugins).catalog(TaskCatalog.of(List.of(task)))
                .build()) {
            assertThatThrownBy(() -> genja.run("task", RunOptions.defaults().runner("one-thraed")))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageContaining("unknown runner \"one-thraed\"; known runners: async, one-thread, serial, "
                            + "threaded; did you mean \"one-thread\"?");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aRunnerInAJarsServiceFileIsDiscovered(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services/" + Runner.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, OneThreadRunner.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThat(PluginManager.discover(loader).runnerNames())
                    .containsExactly("async", "one-thread", "serial", "threaded");
        }
    }

    @Test
    void twoRunnersWithOneNameAreAClearError() {
        assertThatThrownBy(() -> new PluginManager().register(new Impostor()))
                .isInstanceOf(GenjaException.class)
                .hasMessageContaining("two runners are named \"threaded\"")
                .hasMessageContaining(Impostor.class.getName());
    }
}
