package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.Inventory;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.plugin.PluginManager;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.Settings;
import io.genja.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ssh plugin owns the {@code ssh} section: {@code ssh.config_file} reaches it as {@code extras.ssh_config_file},
 * below the inventory; its mistakes are reported with their lines.
 */
class SshSettingsTest {

    @TempDir
    Path dir;

    private final PluginManager plugins = new PluginManager().register(new SshConnectionPlugin())
            .register(new io.genja.inventory.FileInventoryPlugin());

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    @Test
    void theSectionsConfigFileIsRelativeToTheSettingsFileAndReachesOnlySshConnections() throws Exception {
        Files.writeString(dir.resolve("ssh_config"), "Host *\n  User lab\n");
        Settings settings = Settings.load(config("ssh:\n  config_file: ssh_config\n"), Map.of(), plugins);
        Inventory inventory = Inventory.builder()
                .host("r1", Attributes.builder().hostname("10.0.0.1").build())
                .host("r2", Attributes.builder().hostname("10.0.0.2").connectionOptions("ssh", new ConnectionOptions(
                        null, null, null, null, null, Map.of("ssh_config_file", "/home/me/.ssh/lab_config"))).build())
                .build();

        ConnectionResolver resolver = ConnectionResolver.of(inventory, plugins, settings);

        assertThat(resolver.resolve("r1", "ssh").extras())
                .containsEntry("ssh_config_file", dir.toAbsolutePath().resolve("ssh_config").toString());
        assertThat(resolver.resolve("r2", "ssh").extras())
                .containsEntry("ssh_config_file", "/home/me/.ssh/lab_config");
        assertThat(resolver.resolve("r1", "netconf").extras()).doesNotContainKey("ssh_config_file");
        assertThat(resolver.warnings()).isEmpty();
    }

    @Test
    void mistakesInTheSectionHaveTheirLines() throws IOException {
        Path file = config("ssh:\n  config_fil: ssh_config\n  config_file: \"\"\n");

        assertThatThrownBy(() -> Settings.load(file, Map.of(), plugins))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.line() + ":" + problem.column() + ": " + problem.message())
                        .containsExactly("2:3: unknown key \"ssh.config_fil\"; did you mean \"config_file\"? "
                                        + "(known in ssh: config_file, max_output)",
                                "3:16: ssh.config_file must not be empty"));
        assertThatThrownBy(() -> Settings.load(config("shh:\n  config_file: x\n"), Map.of(), plugins))
                .hasMessageEndingWith("config.yaml:1:1: unknown section \"shh\"; did you mean \"ssh\"? (known: "
                        + "core, inventory, runner, rollout, logging, parsing; connection plugins: ssh)");
    }

    @Test
    void genjaSshConfigFileFillsInWhatTheFileLeavesOutAndAMissingFileIsAWarning() throws Exception {
        Settings settings = Settings.load(config("core: {raise_on_error: false}\n"),
                Map.of("GENJA_SSH_CONFIG_FILE", "/nowhere/ssh_config"), plugins);
        Inventory inventory = Inventory.builder().host("r1").build();

        ConnectionResolver resolver = ConnectionResolver.of(inventory, plugins, settings);

        assertThat(resolver.resolve("r1", "ssh").extras()).containsEntry("ssh_config_file", "/nowhere/ssh_config");
        assertThat(resolver.warnings()).containsExactly(
                "ssh.config_file /nowhere/ssh_config does not exist; every ssh connection would fail");
    }

    private final ResolvedConnectionParams plain =
            new ResolvedConnectionParams("10.0.0.1", 22, "admin", "secret", "ios", Map.of("timeout", 30));

    @Test
    void theConfigFileIsAddedWhenTheInventoryLeavesItOut() {
        ResolvedConnectionParams applied = new SshSettings(Path.of("/etc/genja/ssh_config")).applyTo(plain);

        assertThat(applied.extras()).containsEntry("ssh_config_file", "/etc/genja/ssh_config")
                .containsEntry("timeout", 30);
        assertThat(applied.hostname()).isEqualTo("10.0.0.1");
        assertThat(applied.password()).isEqualTo("secret");
    }

    @Test
    void theInventoryWins() {
        ResolvedConnectionParams own = new ResolvedConnectionParams("10.0.0.1", 22, "admin", null, "ios",
                Map.of("ssh_config_file", "/home/me/.ssh/lab_config"));

        assertThat(new SshSettings(Path.of("/etc/genja/ssh_config")).applyTo(own)).isSameAs(own);
    }

    @Test
    void theSectionsOutputCapReachesHostsWithoutTheirOwnAndABadOneHasItsLine() throws Exception {
        Settings settings = Settings.load(config("ssh:\n  max_output: 16MiB\n"), Map.of(), plugins);
        Inventory inventory = Inventory.builder()
                .host("r1")
                .host("r2", Attributes.builder().connectionOptions("ssh", new ConnectionOptions(null, null, null, null,
                        null, Map.of("max_output", "1GiB"))).build())
                .build();

        ConnectionResolver resolver = ConnectionResolver.of(inventory, plugins, settings);

        assertThat(SshOptions.from("r1", resolver.resolve("r1", "ssh")).maxOutput()).isEqualTo(16L << 20);
        assertThat(SshOptions.from("r2", resolver.resolve("r2", "ssh")).maxOutput()).isEqualTo(1L << 30);
        assertThat(new SshSettings(null, 4096L).applyTo(plain).extras()).containsEntry("max_output", 4096L);

        Path file = config("ssh:\n  max_output: lots\n");
        assertThatThrownBy(() -> Settings.load(file, Map.of(), plugins))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.line() + ":" + problem.column() + ": " + problem.message())
                        .containsExactly("2:15: ssh.max_output must be a size in bytes, e.g. 67108864, 64MiB or "
                                + "512KiB (KiB, MiB, GiB; K, M, G mean the same), at least 1KiB, got \"lots\""));
    }

    @Test
    void withoutAConfigFileNothingChanges() {
        assertThat(SshSettings.DEFAULTS.applyTo(plain)).isSameAs(plain);
    }
}
