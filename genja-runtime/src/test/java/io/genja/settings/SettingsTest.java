package io.genja.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.Genja;
import io.genja.GenjaException;
import io.genja.inventory.Inventory;
import io.genja.inventory.InventoryException;
import io.genja.inventory.InventoryPlugin;
import io.genja.plugin.PluginManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    static final Path SEEDS = Path.of("src/test/resources/inventory/seeds");

    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    private void copySeeds(Path to) throws IOException {
        Files.createDirectories(to);
        for (String file : new String[] {"hosts.yaml", "groups.yaml", "defaults.yaml"}) {
            Files.copy(SEEDS.resolve(file), to.resolve(file));
        }
    }

    @Test
    void readsTheWholeSchemaWithPathsRelativeToTheFile() throws IOException {
        Settings settings = Settings.load(config("""
                core:
                  raise_on_error: true
                inventory:
                  plugin: FileInventoryPlugin
                  options:
                    hosts_file: inventory/hosts.yaml
                    groups_file: inventory/groups.yaml
                    defaults_file: inventory/defaults.yaml
                  transform_function: lab_username
                  transform_function_options:
                    username: lab
                runner:
                  plugin: serial
                  worker_count: 5
                  options:
                    ordered: true
                logging:
                  enabled: false
                  level: debug
                  log_file: logs/genja.log
                  to_console: true
                """), Map.of());

        assertThat(settings.raiseOnError()).isTrue();
        assertThat(settings.inventory().plugin()).isEqualTo("FileInventoryPlugin");
        assertThat(settings.inventory().options()).containsEntry("hosts_file", "inventory/hosts.yaml");
        assertThat(settings.inventory().baseDirectory()).isEqualTo(dir.toAbsolutePath());
        assertThat(settings.inventory().transformFunction()).isEqualTo("lab_username");
        assertThat(settings.inventory().transformFunctionOptions()).containsExactly(Map.entry("username", "lab"));
        assertThat(settings.runnerPlugin()).isEqualTo("serial");
        assertThat(settings.workerCount()).isEqualTo(5);
        assertThat(settings.runner().options()).containsEntry("ordered", true);
        assertThat(settings.logging()).isEqualTo(new LoggingSettings(false, "DEBUG",
                dir.toAbsolutePath().resolve("logs/genja.log"), true));
        assertThat(settings.configFile()).contains(dir.resolve("config.yaml"));
    }

    @Test
    void anEmptyFileMeansTheDefaults() throws IOException {
        Settings settings = Settings.load(config(""), Map.of());

        assertThat(settings.raiseOnError()).isFalse();
        assertThat(settings.runnerPlugin()).isEqualTo("threaded");
        assertThat(settings.workerCount()).isEqualTo(20);
        assertThat(settings.inventory().plugin()).isEqualTo("FileInventoryPlugin");
        assertThat(settings.logging().level()).isEqualTo("INFO");
        assertThat(settings.sectionNames()).isEmpty();
        assertThat(Settings.defaults().runnerPlugin()).isEqualTo("threaded");
        assertThat(Settings.defaults().workerCount()).isEqualTo(20);
    }

    @Test
    void environmentFillsOnlyWhatTheFileLeavesOut() throws IOException {
        Settings settings = Settings.load(config("runner:\n  plugin: serial\n"), Map.of(
                "GENJA_RUNNER_PLUGIN", "threaded",
                "GENJA_CORE_RAISE_ON_ERROR", "true",
                "GENJA_INVENTORY_PLUGIN", "NetBoxInventory",
                "GENJA_LOGGING_LEVEL", "warn",
                "GENJA_LOGGING_LOG_FILE", "/var/log/genja.log",
                "GENJA_LOGGING_TO_CONSOLE", "1"));

        assertThat(settings.runnerPlugin()).isEqualTo("serial");
        assertThat(settings.raiseOnError()).isTrue();
        assertThat(settings.inventory().plugin()).isEqualTo("NetBoxInventory");
        assertThat(settings.logging().level()).isEqualTo("WARNING");
        assertThat(settings.logging().logFile()).isEqualTo(Path.of("/var/log/genja.log"));
        assertThat(settings.logging().toConsole()).isTrue();
    }

    @Test
    void problemsAreListedInFileOrder() throws IOException {
        Path file = config("""
                logging:
                  level: LOUD
                runner:
                  worker_count: many
                  plugin: parallel
                core:
                  raise_on_eror: true
                """);
        assertThatThrownBy(() -> Settings.load(file, Map.of())).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.problems()).extracting(p -> p.line()).hasSize(4).isSorted());
    }

    @Test
    void badEnvironmentValuesAreProblemsNamingTheVariable() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("GENJA_RUNNER_PLUGIN", "parallel",
                "GENJA_CORE_RAISE_ON_ERROR", "maybe")))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString)
                        .containsExactly("environment variable GENJA_CORE_RAISE_ON_ERROR=\"maybe\": "
                                        + "core.raise_on_error must be true or false",
                                "environment variable GENJA_RUNNER_PLUGIN: runner.plugin must be one of async, "
                                        + "serial, threaded, not \"parallel\""));
    }

    @Test
    void jsonSettingsReadTheSame() throws IOException {
        Path json = Files.writeString(dir.resolve("config.json"), "{\"runner\": {\"plugin\": \"serial\", "
                + "\"worker_count\": 3}, \"core\": {\"raise_on_error\": true}}");

        Settings settings = Settings.load(json, Map.of());

        assertThat(settings.runnerPlugin()).isEqualTo("serial");
        assertThat(settings.workerCount()).isEqualTo(3);
        assertThat(settings.raiseOnError()).isTrue();
    }

    @Test
    void genjaFromSettingsLoadsTheInventoryAndAppliesTheDiscoveredTransformFunction() throws IOException {
        copySeeds(dir.resolve("inventory"));
        Path config = config("""
                inventory:
                  options:
                    hosts_file: inventory/hosts.yaml
                    groups_file: inventory/groups.yaml
                    defaults_file: inventory/defaults.yaml
                  transform_function: lab_username
                  transform_function_options: {username: lab}
                runner:
                  plugin: serial
                """);

        try (Genja genja = Genja.fromSettings(config)) {
            assertThat(genja.settings().runnerPlugin()).isEqualTo("serial");
            assertThat(genja.hosts()).extracting(h -> h.name() + "/" + h.username()).containsExactly("router1/lab");
            // connection_options[ssh] at the group still beats the transformed plain username.
            assertThat(genja.inventory().resolveConnection("router1", "ssh").username()).isEqualTo("automation");
        }
    }

    @Test
    void theFilePluginDefaultsToHostsYamlNextToTheConfig() throws IOException {
        copySeeds(dir);

        Inventory inventory = Settings.load(config("core: {raise_on_error: false}\n"), Map.of()).inventory()
                .load(PluginManager.discover());

        assertThat(inventory.resolveConnection("router1", "ssh").extras()).containsEntry("timeout", 30);
    }

    @Test
    void otherInventoryPluginsAreFoundByName() throws IOException {
        Inventory fromPlugin = Inventory.builder().host("lab1").build();
        PluginManager plugins = PluginManager.discover().register(new InventoryPlugin() {
            @Override
            public String name() {
                return "Static";
            }

            @Override
            public Inventory load(Map<String, Object> options, Path baseDirectory) {
                return fromPlugin;
            }
        });

        Settings settings = Settings.load(config("inventory:\n  plugin: Static\n  options: {any: thing}\n"), Map.of());

        assertThat(settings.inventory().load(plugins)).isSameAs(fromPlugin);
        assertThatThrownBy(() -> settings.withInventory(new InventorySettings("Statik", Map.of(), null, Map.of(),
                dir)).inventory().load(plugins))
                .isInstanceOf(GenjaException.class)
                .hasMessage("inventory.plugin: no inventory plugin \"Statik\" is registered; did you mean "
                        + "\"Static\"? (known: FileInventoryPlugin, Static)");
    }

    @Test
    void anUnknownTransformFunctionIsNamed() throws IOException {
        copySeeds(dir);
        Settings settings = Settings.load(config("inventory:\n  transform_function: lab_usernames\n"), Map.of());

        assertThatThrownBy(() -> settings.inventory().load(PluginManager.discover()))
                .isInstanceOf(GenjaException.class)
                .hasMessageStartingWith("inventory.transform_function: no transform function \"lab_usernames\" is "
                        + "registered; did you mean \"lab_username\"?");
    }

    @Test
    void inventoryProblemsSurfaceFromFromSettings() throws IOException {
        Files.writeString(dir.resolve("hosts.yaml"), "r1:\n  prot: 22\n");

        assertThatThrownBy(() -> Genja.fromSettings(config("{}")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("hosts.yaml:2:3: unknown field \"prot\" in host \"r1\"; did you mean \"port\"?");
    }
}
