package io.genja.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.Genja;
import io.genja.RunFailedException;
import io.genja.RunOptions;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.settings.Settings;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskResults;
import io.genja.testing.Fixtures;
import io.genja.testing.TestTask;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code core.raise_on_error}: the run throws, after every host finished, with the results attached. */
class RaiseOnErrorTest {

    private final Inventory inventory = Fixtures.hosts(4);
    private final AtomicInteger ran = new AtomicInteger();

    /** Runs {@code task} with {@code core.raise_on_error: true}. */
    private TaskResults run(TestTask task, RunOptions options, PluginManager plugins) {
        Settings settings = Settings.defaults().withRaiseOnError(true);
        try (Genja genja = Genja.builder(inventory).settings(settings).plugins(plugins).catalog(
                TaskCatalog.of(List.of(task))).build()) {
            return genja.run(task, options.workers(2));
        }
    }

    @Test
    void aFailedHostMakesTheRunThrowAfterEveryHostFinished() {
        TestTask task = TestTask.named("task").body((host, ctx) -> {
            ran.incrementAndGet();
            if (host.name().equals("h2")) {
                throw new IllegalStateException("boom");
            }
            return TestTask.ok();
        });

        assertThatThrownBy(() -> run(task, RunOptions.defaults(), new PluginManager()))
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.results().hosts()).hasSize(4);
                    assertThat(e.results().failedHosts()).containsExactly("h2");
                    assertThat(e).hasMessageContaining("task \"task\" failed on 1 host(s): h2");
                });
        assertThat(ran.get()).isEqualTo(4);
    }

    @Test
    void aThrowingHookMakesTheRunThrowToo() {
        TaskProcessor broken = new TaskProcessor() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void onTaskStart(TaskInfo task, List<Host> hosts) {
                throw new IllegalStateException("no audit log");
            }
        };
        TestTask task = TestTask.named("task").processors("broken");

        assertThatThrownBy(() -> run(task, RunOptions.defaults(), new PluginManager().register(broken)))
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.results().summary().passed()).isEqualTo(4);
                    assertThat(e.results().hookErrors()).hasSize(1);
                    assertThat(e).hasMessageContaining("no audit log");
                });
    }

    @Test
    void theSettingReachesRunsThroughGenja() {
        TestTask task = TestTask.named("task").body((host, ctx) -> {
            if (host.name().equals("h3")) {
                throw new IllegalStateException("boom");
            }
            return TestTask.ok();
        });
        Settings raising = Settings.defaults().withRaiseOnError(true);
        try (Genja genja = Genja.builder(inventory).settings(raising).plugins(new PluginManager())
                .catalog(TaskCatalog.of(List.of(task))).build()) {
            assertThatThrownBy(() -> genja.run("task"))
                    .isInstanceOfSatisfying(RunFailedException.class,
                            e -> assertThat(e.results().failedHosts()).containsExactly("h3"));
        }
        try (Genja genja = Genja.builder(inventory).plugins(new PluginManager())
                .catalog(TaskCatalog.of(List.of(task))).build()) {
            assertThat(genja.run("task").failedHosts()).containsExactly("h3");
        }
    }

    @Test
    void aCleanRunReturns() {
        assertThat(run(TestTask.named("task"), RunOptions.defaults(), new PluginManager()).summary().passed())
                .isEqualTo(4);
    }
}
