package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.LoggingSettings;
import io.genja.settings.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Genja's own {@code config.example.yaml}, every key of every version of it, loads unchanged (with the plugins on
 * the class path, as {@code genja} and {@code Genja.fromSettings} find them) and each key means what
 * docs/settings.md says.
 */
class ConfigExampleTest {

    static final Path EXAMPLE = Path.of("src/test/resources/config-example/config.yaml");

    @Test
    void everyDocumentedKeyLoads() throws Exception {
        PluginManager plugins = PluginManager.discover();
        Settings settings = Settings.load(EXAMPLE, Map.of(), plugins);
        Path base = EXAMPLE.toAbsolutePath().getParent();

        assertThat(settings.raiseOnError()).isFalse();
        assertThat(settings.inventory().plugin()).isEqualTo("FileInventoryPlugin");
        assertThat(settings.inventory().options()).containsExactly(
                Map.entry("hosts_file", "./inventory/hosts.yaml"),
                Map.entry("groups_file", "./inventory/groups.yaml"),
                Map.entry("defaults_file", "./inventory/defaults.yaml"));
        assertThat(settings.inventory().transformFunction()).isNull();
        assertThat(settings.inventory().transformFunctionOptions()).isEmpty();
        assertThat(settings.runnerPlugin()).isEqualTo("threaded");
        assertThat(settings.workerCount()).isEqualTo(10);
        assertThat(settings.runnerOptions()).containsExactly(Map.entry("num_of_workers", 10));
        assertThat(settings.runner().maxTaskDepth()).isEqualTo(10);
        assertThat(settings.logging()).isEqualTo(new LoggingSettings(true, "INFO", base.resolve("./genja.log"), false,
                10_485_760, 10));
        assertThat(settings.sectionNames()).containsExactly("ssh");

        ConnectionResolver resolver = ConnectionResolver.of(Inventory.builder().host("r1").build(), plugins,
                settings);
        assertThat(resolver.resolve("r1", SshConnectionPlugin.NAME).extras())
                .containsEntry(SshSettings.CONFIG_FILE_EXTRA, "/home/user/.ssh/config");
    }
}
