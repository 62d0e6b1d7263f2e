package io.genja.cli;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionPlugin;
import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.Inventory;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.inventory.FileInventoryPlugin;
import io.genja.plugin.PluginManager;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskException;
import io.genja.task.TaskSuccess;
import java.util.List;
import java.util.Map;

/** A small inventory, a catalog of hand-written tasks and an in-memory connection plugin. */
final class Fixtures {

    static final String SECRET = "s3cr3t-password";

    private Fixtures() {
    }

    /** r1, r2 in group core (ios), s1 in group edge (eos); every host has the password {@link #SECRET}. */
    static Inventory inventory() {
        return Inventory.builder()
                .group("core", Attributes.builder().platform("ios").build())
                .group("edge", Attributes.builder().platform("eos").build())
                .host("r1", Attributes.builder().hostname("10.0.0.1").groups("core").build())
                .host("r2", Attributes.builder().hostname("10.0.0.2").groups("core").build())
                .host("s1", Attributes.builder().hostname("10.0.1.1").port(2222).groups("edge")
                        .connectionOptions("mem", new ConnectionOptions(null, 22, "netops", null, null,
                                Map.of("mode", "shell")))
                        .build())
                .defaults(Attributes.builder().username("admin").password(SECRET).build())
                .build();
    }

    /**
     * {@code greet} passes everywhere; {@code flaky} fails on r2; {@code backup} uses the {@code mem} plugin and
     * changes s1; {@code parent} runs {@code greet} and {@code flaky} as sub-tasks; {@code configure} requires
     * the option {@code template}.
     */
    static TaskCatalog catalog() {
        return TaskCatalog.of(List.of(
                FakeTask.of("greet", (host, context) -> HostTaskResult.passed(
                        new TaskSuccess().withSummary("hello " + host.name()))),
                FakeTask.of("flaky", (host, context) -> {
                    if (host.name().equals("r2")) {
                        throw new TaskException(FailureKind.COMMAND, "% Invalid input detected at '^' marker");
                    }
                    return HostTaskResult.passed(new TaskSuccess().withSummary("fine"));
                }),
                FakeTask.of("backup", (host, context) -> HostTaskResult.passed(new TaskSuccess()
                        .withSummary(context.executeCommand("show running-config"))
                        .withChanged(host.name().equals("s1")))).withPlugin("mem"),
                FakeTask.of("parent", (host, context) -> HostTaskResult.passed(new TaskSuccess().withSummary("parent")))
                        .withSubTasks("greet", "flaky"),
                FakeTask.of("configure", (host, context) -> HostTaskResult.passed(new TaskSuccess()
                        .withSummary(context.options().getString("template").orElseThrow())))
                        .withOption("template", true).withOption("commit", false)));
    }

    /**
     * The {@code mem} connection plugin only, and the file inventory (registered like any inventory plugin, so a
     * configuration file's inventory loads).
     */
    static PluginManager plugins() {
        return new PluginManager().register(new MemoryPlugin()).register(new FileInventoryPlugin());
    }

    /** A builder with the fixtures injected, not on a terminal, with an empty environment. */
    static GenjaCli.Builder cli() {
        return GenjaCli.builder().inventory(inventory()).catalog(catalog()).plugins(plugins())
                .env(Map.of("GENJA_LOGGING_ENABLED", "false")).terminal(false);
    }

    /** Answers every command with one line naming the host; connections to 10.0.0.2 are refused. */
    static final class MemoryPlugin implements ConnectionPlugin {
        @Override
        public String name() {
            return "mem";
        }

        @Override
        public Connection create(ConnectionKey key) {
            return new Connection() {
                private volatile boolean open;

                @Override
                public void open(ResolvedConnectionParams params) throws io.genja.connection.ConnectionException {
                    if (params.hostname().equals("10.0.0.2")) {
                        throw new io.genja.connection.ConnectionException(FailureKind.CONNECTION,
                                "connection refused by 10.0.0.2:22");
                    }
                    open = true;
                }

                @Override
                public String executeCommand(String command) {
                    return command + " on " + key.host();
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
}
