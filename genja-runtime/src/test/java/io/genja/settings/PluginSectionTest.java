package io.genja.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.Genja;
import io.genja.GenjaException;
import io.genja.RunOptions;
import io.genja.connection.Connection;
import io.genja.connection.ConnectionPlugin;
import io.genja.connection.ConnectionSettings;
import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.Inventory;
import io.genja.inventory.InventoryPlugin;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.plugin.PluginManager;
import io.genja.settings.section.SettingsSection;
import io.genja.task.TaskCatalog;
import io.genja.testing.TestTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection plugin's own section of the settings file, checked by the plugin with file:line; the keys of Genja's
 * {@code config.example.yaml} that the core reads; inventory plugins' declared options.
 */
class PluginSectionTest {

    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    /** A third-party plugin with a {@code netconf:} section: {@code port} (an integer) and {@code hello_timeout}. */
    static final class NetconfPlugin implements ConnectionPlugin {
        @Override
        public String name() {
            return "netconf";
        }

        @Override
        public Connection create(ConnectionKey key) {
            throw new UnsupportedOperationException("not opened in these tests");
        }

        @Override
        public Set<String> settingsKeys() {
            return Set.of("port", "hello_timeout");
        }

        @Override
        public ConnectionSettings settings(SettingsSection section) {
            Integer port = section.integer("port", 1, 65535).orElse(null);
            section.integer("hello_timeout", 1, 600).filter(seconds -> seconds > 300)
                    .ifPresent(seconds -> section.problem("hello_timeout", "netconf.hello_timeout of " + seconds
                            + " s is longer than a device keeps a session waiting (300 s)"));
            return port == null ? ConnectionSettings.NONE : params -> params.port() != null ? params
                    : new ResolvedConnectionParams(params.hostname(), port, params.username(), params.password(),
                    params.platform(), params.extras());
        }
    }

    private final PluginManager plugins = PluginManager.discover().register(new NetconfPlugin());

    @Test
    void aPluginsSectionIsCheckedByThePluginWithItsLine() throws IOException {
        Path file = config("""
                netconf:
                  prot: 830
                  hello_timeout: 400
                """);

        assertThatThrownBy(() -> Settings.load(file, Map.of(), plugins))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.line() + ":" + problem.column() + ": " + problem.message())
                        .containsExactly(
                                "2:3: unknown key \"netconf.prot\"; did you mean \"port\"? (known in netconf: "
                                        + "hello_timeout, port)",
                                "3:18: netconf.hello_timeout of 400 s is longer than a device keeps a session "
                                        + "waiting (300 s)"));
    }

    @Test
    void anUnknownSectionSuggestsTheNearestCoreSectionOrPlugin() throws IOException {
        Path file = config("netconff:\n  port: 830\n");

        assertThatThrownBy(() -> Settings.load(file, Map.of(), plugins))
                .isInstanceOf(SettingsException.class)
                .hasMessageEndingWith("config.yaml:1:1: unknown section \"netconff\"; did you mean \"netconf\"? "
                        + "(known: core, inventory, runner, rollout, logging, parsing; connection plugins: netconf)");
    }

    @Test
    void theResolverAppliesTheSectionToItsPluginOnlyAndTheInventoryWins() throws Exception {
        Settings settings = Settings.load(config("netconf:\n  port: 830\n"), Map.of(), plugins);
        Inventory inventory = Inventory.builder()
                .host("r1", Attributes.builder().hostname("10.0.0.1").build())
                .host("r2", Attributes.builder().hostname("10.0.0.2").port(2830).build())
                .build();

        ConnectionResolver resolver = ConnectionResolver.of(inventory, plugins, settings);

        assertThat(resolver.resolve("r1", "netconf").port()).isEqualTo(830);
        assertThat(resolver.resolve("r2", "netconf").port()).isEqualTo(2830);
        assertThat(resolver.resolve("r1", "other").port()).isNull();
    }

    @Test
    void aSectionSetInCodeIsCheckedWhenGenjaIsBuilt() {
        Settings settings = Settings.defaults().withSection("netconf", Map.of("port", 0));

        assertThatThrownBy(() -> Genja.builder(Inventory.builder().host("r1").build()).settings(settings)
                .plugins(plugins).catalog(TaskCatalog.of(List.of())).build())
                .isInstanceOf(SettingsException.class)
                .hasMessage("netconf.port must be between 1 and 65535, not 0");
    }

    @Test
    void sectionKeysFallBackToGenjaVariables() throws Exception {
        Settings settings = Settings.load(config("core: {raise_on_error: false}\n"),
                Map.of("GENJA_NETCONF_PORT", "8830"), plugins);
        Inventory inventory = Inventory.builder().host("r1").build();

        assertThat(ConnectionResolver.of(inventory, plugins, settings).resolve("r1", "netconf").port())
                .isEqualTo(8830);
        assertThatThrownBy(() -> Settings.load(config("{}"), Map.of("GENJA_NETCONF_PORT", "many"), plugins))
                .hasMessage("environment variable GENJA_NETCONF_PORT=\"many\": netconf.port must be an integer "
                        + "between 1 and 65535");
    }

    @Test
    void theExampleRunnerAndLoggingKeysMeanSomething() throws IOException {
        Settings settings = Settings.load(config("""
                runner:
                  plugin: threaded
                  options:
                    num_of_workers: 7
                  max_task_depth: 0
                logging:
                  file_size: 1048576
                  max_file_count: 3
                """), Map.of(), plugins);

        assertThat(settings.workerCount()).isEqualTo(7);
        assertThat(settings.runnerOptions()).containsEntry("num_of_workers", 7);
        assertThat(settings.runner().maxTaskDepth()).isZero();
        assertThat(settings.logging().fileSize()).isEqualTo(1_048_576);
        assertThat(settings.logging().maxFileCount()).isEqualTo(3);

        Settings both = Settings.load(config("runner: {worker_count: 4, options: {num_of_workers: 7}}\n"), Map.of(),
                plugins);
        assertThat(both.workerCount()).as("worker_count is the explicit one").isEqualTo(4);
        assertThat(Settings.load(config("{}"), Map.of(), plugins).logging())
                .extracting(LoggingSettings::fileSize, LoggingSettings::maxFileCount)
                .containsExactly(LoggingSettings.DEFAULT_FILE_SIZE, LoggingSettings.DEFAULT_MAX_FILE_COUNT);
    }

    @Test
    void badExampleKeysAreReportedWithTheirLines() throws IOException {
        Path file = config("""
                runner:
                  options: {num_of_workers: none}
                  max_task_depth: -1
                logging:
                  max_file_count: 50
                """);

        assertThatThrownBy(() -> Settings.load(file, Map.of(), plugins))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.line() + ": " + problem.message())
                        .containsExactly("2: runner.options.num_of_workers must be an integer, not the string \"none\"",
                                "3: runner.max_task_depth must be between 0 and 1000, not -1",
                                "5: logging.max_file_count must be between 1 and 20, not 50"));
    }

    @Test
    void maxTaskDepthLimitsSubTasksUnlessTheRunSaysOtherwise() throws IOException {
        List<String> ran = new ArrayList<>();
        TestTask root = TestTask.named("root").subTasks("child").body((host, ctx) -> {
            ran.add("root");
            return TestTask.ok();
        });
        TestTask child = TestTask.named("child").body((host, ctx) -> {
            ran.add("child");
            return TestTask.ok();
        });
        Settings settings = Settings.load(config("runner: {plugin: serial, max_task_depth: 0}\n"), Map.of(),
                plugins);

        try (Genja genja = Genja.builder(Inventory.builder().host("h0").build()).settings(settings)
                .plugins(new PluginManager()).catalog(TaskCatalog.of(List.of(root, child))).build()) {
            genja.run("root");
            assertThat(ran).containsExactly("root");

            ran.clear();
            genja.run("root", RunOptions.defaults().maxDepth(1));
            assertThat(ran).containsExactly("root", "child");
        }
    }

    /** Options {@code region} and {@code token_file}; the token file must not be a directory. */
    static final class CloudInventory implements InventoryPlugin {
        @Override
        public String name() {
            return "CloudInventory";
        }

        @Override
        public Inventory load(Map<String, Object> options, Path baseDirectory) {
            return Inventory.builder().host("cloud1").build();
        }

        @Override
        public List<String> optionNames() {
            return List.of("region", "token_file");
        }

        @Override
        public void checkOptions(SettingsSection options) {
            options.path("token_file").filter(Files::isDirectory).ifPresent(path ->
                    options.problem("token_file", "inventory.options.token_file " + path + " is a directory"));
        }
    }

    @Test
    void anInventoryPluginsDeclaredOptionsAreCheckedWithTheirLines() throws IOException {
        PluginManager withCloud = PluginManager.discover().register(new CloudInventory());
        Path file = config("""
                inventory:
                  plugin: CloudInventory
                  options:
                    regoin: eu-west-1
                    token_file: .
                """);

        assertThatThrownBy(() -> Settings.load(file, Map.of(), withCloud))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.line() + ":" + problem.column() + ": " + problem.message())
                        .containsExactly("4:5: unknown key \"inventory.options.regoin\" for CloudInventory; did you "
                                        + "mean \"region\"? (known: region, token_file)",
                                "5:17: inventory.options.token_file " + dir.toAbsolutePath().resolve(".")
                                        + " is a directory"));
    }

    @Test
    void undeclaredOptionsPassUncheckedAndThePluginIsFoundByName() throws IOException {
        InventoryPlugin freeForm = new InventoryPlugin() {
            @Override
            public String name() {
                return "FreeForm";
            }

            @Override
            public Inventory load(Map<String, Object> options, Path baseDirectory) {
                return Inventory.builder().host(String.valueOf(options.get("anything"))).build();
            }
        };
        PluginManager withFreeForm = PluginManager.discover().register(freeForm);
        Settings settings = Settings.load(config("inventory: {plugin: FreeForm, options: {anything: x1}}\n"),
                Map.of(), withFreeForm);

        assertThat(settings.inventory().load(withFreeForm).hosts()).extracting(host -> host.name())
                .containsExactly("x1");
        assertThatThrownBy(() -> settings.inventory().load(PluginManager.discover()))
                .isInstanceOf(GenjaException.class)
                .hasMessageStartingWith("inventory.plugin: no inventory plugin \"FreeForm\" is registered");
    }

    @Test
    void theFileInventoryIsRegisteredLikeAnyOtherPlugin() {
        assertThat(PluginManager.discover().inventoryPluginNames()).contains("FileInventoryPlugin");
        assertThat(new PluginManager().inventoryPluginNames()).isEmpty();
    }
}
