package io.genja.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.task.TaskSuccess;
import io.genja.testing.Fixtures;
import io.genja.testing.MemoryPlugin;
import io.genja.testing.TestTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code TaskRuntimeContext.cli()} when there is no device CLI to give. */
class DeviceCliContextTest {

    private final MemoryPlugin mem = new MemoryPlugin("mem");

    private static TestTask askingForTheCli(String name, String plugin) {
        TestTask task = TestTask.named(name).body((host, ctx) ->
                HostTaskResult.passed(new TaskSuccess().withResult(ctx.cli().platform())));
        return plugin == null ? task : task.plugin(plugin);
    }

    @Test
    void aTaskWithoutAConnectionOrWhoseConnectionHasNoCliFailsAsUnsupported() {
        try (Genja genja = Fixtures.genja(1, List.of(askingForTheCli("no_plugin", null),
                askingForTheCli("no_cli", "mem")), List.of(mem), List.of())) {
            TaskResults withoutPlugin = genja.run("no_plugin");
            TaskResults withoutCli = genja.run("no_cli");
            String host = withoutPlugin.hosts().get(0);
            assertThat(withoutPlugin.hostResult(host)).isInstanceOfSatisfying(HostTaskResult.Failed.class, f -> {
                assertThat(f.failure().kind()).isEqualTo(FailureKind.UNSUPPORTED);
                assertThat(f.failure().message()).contains("declares no connection plugin");
            });
            assertThat(withoutCli.hostResult(host)).isInstanceOfSatisfying(HostTaskResult.Failed.class, f -> {
                assertThat(f.failure().kind()).isEqualTo(FailureKind.UNSUPPORTED);
                assertThat(f.failure().message()).contains("has no device CLI", "no_cli", "docs/changes.md");
            });
        }
    }
}
