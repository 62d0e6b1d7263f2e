package io.genja.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.inventory.Inventory;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.plugin.PluginManager;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.Settings;
import io.genja.settings.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a netconf connection's parameters come from: the seeds' inventory example, defaults, and the settings. */
class NetconfParametersTest {

    @TempDir
    Path dir;

    private final PluginManager plugins = new PluginManager().register(new NetconfConnectionPlugin())
            .register(new io.genja.inventory.FileInventoryPlugin());

    /** The seeds' example (connections page): router1 with ssh on 22 and netconf on 830. */
    private Inventory seedsInventory() throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts.yaml"), """
                router1:
                  hostname: 10.0.0.1
                  platform: ios
                  username: admin
                  groups: [core]
                  connection_options:
                    ssh:
                      port: 22
                      extras:
                        device_type: cisco_ios
                    netconf:
                      port: 830
                """);
        Path groups = Files.writeString(dir.resolve("groups.yaml"), """
                core:
                  connection_options:
                    ssh:
                      username: automation
                """);
        Path defaults = Files.writeString(dir.resolve("defaults.yaml"), """
                connection_options:
                  ssh:
                    extras:
                      timeout: 30
                """);
        return Inventory.load(hosts, groups, defaults);
    }

    @Test
    void theSeedsExampleResolvesRouter1ForNetconfOnPort830WithItsOwnUser() throws Exception {
        ResolvedConnectionParams params = seedsInventory().resolveConnection("router1", "netconf");

        assertThat(params.hostname()).isEqualTo("10.0.0.1");
        assertThat(params.port()).isEqualTo(830);
        assertThat(params.username()).as("the core group's user is ssh's only").isEqualTo("admin");
        assertThat(params.platform()).isEqualTo("ios");
        assertThat(params.extras()).as("ssh's extras stay ssh's").isEmpty();
        assertThat(new NetconfConnectionPlugin().validate("router1", params)).isEmpty();
    }

    @Test
    void withoutAPortTheSessionGoesTo830InExecModeSoThatNoShellIsOpened() {
        ResolvedConnectionParams params = NetconfConnection.sshParams(new ResolvedConnectionParams("10.0.0.1", null,
                "admin", null, "ios", Map.of("timeout", 5)));

        assertThat(params.port()).isEqualTo(NetconfConnectionPlugin.DEFAULT_PORT).isEqualTo(830);
        assertThat(params.extras()).containsEntry("mode", "exec").containsEntry("timeout", 5);
    }

    @Test
    void aWrongExtraIsReportedWithoutConnecting() {
        assertThat(new NetconfConnectionPlugin().validate("r1", new ResolvedConnectionParams("10.0.0.1", 830, "admin",
                null, null, Map.of("timeout", "soon")))).singleElement().asString()
                .contains("extras.timeout", "soon", "number of seconds");
    }

    @Test
    void theSettingsConfigFileReachesNetconfConnectionsBelowTheInventory() throws Exception {
        Files.writeString(dir.resolve("ssh_config"), "Host *\n  User lab\n");
        Path config = Files.writeString(dir.resolve("config.yaml"), "netconf:\n  config_file: ssh_config\n");
        Settings settings = Settings.load(config, Map.of(), plugins);

        ResolvedConnectionParams params = ConnectionResolver.of(seedsInventory(), plugins, settings)
                .resolve("router1", "netconf");

        assertThat(params.extras()).containsEntry("ssh_config_file",
                dir.toAbsolutePath().resolve("ssh_config").toString());
    }

    @Test
    void anUnknownSettingsKeyIsAnErrorWithASuggestion() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), "netconf:\n  config_fil: ssh_config\n");

        assertThatThrownBy(() -> Settings.load(config, Map.of(), plugins)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("config_fil").hasMessageContaining("config_file");
    }
}
