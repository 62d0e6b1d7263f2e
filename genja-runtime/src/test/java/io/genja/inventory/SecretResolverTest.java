package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.connection.ConnectionPlugin;
import io.genja.plugin.PluginManager;
import io.genja.connection.ConnectionSettings;
import io.genja.internal.engine.ConnectionManager;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.Settings;
import io.genja.settings.section.SettingsSection;
import io.genja.task.FailureKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

    @TempDir
    Path dir;

    Inventory inventory;

    @BeforeEach
    void inventory() throws IOException {
        Files.writeString(dir.resolve("passphrase.txt"), "file-secret\n");
        Files.writeString(dir.resolve("hosts.yaml"), """
                r1:
                  password: ${env:R1_PASSWORD}
                  connection_options:
                    ssh:
                      extras:
                        key_passphrase: ${file:passphrase.txt}
                        banner: "$${env:NOT_A_REFERENCE}"
                        jump: {password: "pre-${env:R1_PASSWORD}-post"}
                        timeout: 30
                r2:
                  password: ${env:R2_PASSWORD}
                r3:
                  password: ${file:missing.txt}
                """);
        SecretResolver secrets = new SecretResolver(Map.of("R1_PASSWORD", "env-secret")::get, Path.of("/nowhere"));
        inventory = new io.genja.inventory.InventoryFileReader(io.genja.internal.document.ReadLimits.DEFAULT, secrets)
                .read(dir.resolve("hosts.yaml"), null, null);
    }

    @Test
    void resolvesEnvironmentAndFileReferencesRelativeToTheInventory() throws SecretException {
        ResolvedConnectionParams resolved = inventory.secrets()
                .resolve(new ConnectionKey("r1", "ssh"), inventory.resolveConnection("r1", "ssh"));

        assertThat(resolved.password()).isEqualTo("env-secret");
        assertThat(resolved.extras()).containsEntry("key_passphrase", "file-secret")
                .containsEntry("banner", "${env:NOT_A_REFERENCE}")
                .containsEntry("jump", Map.of("password", "pre-env-secret-post"))
                .containsEntry("timeout", 30);
    }

    @Test
    void nothingShowsASecretValue() throws SecretException {
        ResolvedConnectionParams written = inventory.resolveConnection("r1", "ssh");
        ResolvedConnectionParams resolved = inventory.secrets().resolve(new ConnectionKey("r1", "ssh"), written);

        assertThat(written.toString()).contains("password=${env:R1_PASSWORD}")
                .contains("key_passphrase=${file:passphrase.txt}");
        assertThat(resolved.toString()).doesNotContain("env-secret").doesNotContain("file-secret")
                .contains("password=********").contains("key_passphrase=********");
        assertThat(inventory.explain("r1", "ssh").toString()).doesNotContain("env-secret")
                .contains("${env:R1_PASSWORD}");
        assertThat(new ConnectionOptions(null, null, null, "plain", null, Map.of()).toString())
                .doesNotContain("plain");
        assertThat(Attributes.builder().password("plain").build().toString()).doesNotContain("plain");
    }

    @Test
    void anUnsetVariableIsAValidationFailureNamingTheReferenceOnly() {
        assertThatThrownBy(() -> inventory.secrets()
                .resolve(new ConnectionKey("r2", "ssh"), inventory.resolveConnection("r2", "ssh")))
                .isInstanceOf(SecretException.class) // a VALIDATION failure of the host: see the test below
                .hasMessage("cannot resolve the secret ${env:R2_PASSWORD} in password for r2/ssh: the environment "
                        + "variable R2_PASSWORD is not set");
        assertThatThrownBy(() -> inventory.secrets()
                .resolve(new ConnectionKey("r3", "ssh"), inventory.resolveConnection("r3", "ssh")))
                .isInstanceOf(SecretException.class)
                .hasMessageStartingWith("cannot resolve the secret ${file:missing.txt} in password for r3/ssh: "
                        + "the file ")
                .hasMessageEndingWith("missing.txt does not exist");
    }

    @Test
    void theConnectionManagerOpensWithResolvedSecretsAndFailsOnlyTheHostThatHasNone() throws Exception {
        Map<ConnectionKey, ResolvedConnectionParams> opened = new ConcurrentHashMap<>();
        PluginManager plugins = new PluginManager().register(new RecordingPlugin(opened));
        ConnectionManager connections = new ConnectionManager(inventory, plugins);

        connections.get(inventory.host("r1").orElseThrow(), "ssh");
        assertThatThrownBy(() -> connections.get(inventory.host("r2").orElseThrow(), "ssh"))
                .isInstanceOfSatisfying(ConnectionException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.VALIDATION));

        assertThat(opened).containsOnlyKeys(new ConnectionKey("r1", "ssh"));
        assertThat(opened.get(new ConnectionKey("r1", "ssh")).password()).isEqualTo("env-secret");
        assertThat(connections.closeAll()).containsExactly(new ConnectionKey("r1", "ssh"));
    }

    @Test
    void aPluginsSettingsSectionReachesOnlyThatPluginsConnectionsAfterTheSecrets() throws Exception {
        Map<ConnectionKey, ResolvedConnectionParams> opened = new ConcurrentHashMap<>();
        PluginManager plugins = new PluginManager().register(new RecordingPlugin(opened))
                .register(new RecordingPlugin("netconf", opened));
        Settings settings = Settings.defaults().withSection("ssh", Map.of("config_file", "/etc/genja/ssh_config"));
        ConnectionManager connections = new ConnectionManager(plugins,
                ConnectionResolver.of(inventory, plugins, settings), null);

        connections.get(inventory.host("r1").orElseThrow(), "ssh");
        connections.get(inventory.host("r1").orElseThrow(), "netconf");

        ResolvedConnectionParams ssh = opened.get(new ConnectionKey("r1", "ssh"));
        assertThat(ssh.extras()).containsEntry("ssh_config_file", "/etc/genja/ssh_config");
        assertThat(ssh.password()).isEqualTo("env-secret");
        assertThat(opened.get(new ConnectionKey("r1", "netconf")).extras()).doesNotContainKey("ssh_config_file");
        connections.closeAll();
    }

    @Test
    void malformedReferencesAreFoundWhenLoading() {
        assertThat(SecretResolver.checkSyntax("${env:}")).isPresent();
        assertThat(SecretResolver.checkSyntax("${env:X}")).isEmpty();
        assertThat(SecretResolver.checkSyntax("plain")).isEmpty();
    }

    /** Records the parameters each connection was opened with. */
    private record RecordingPlugin(String name, Map<ConnectionKey, ResolvedConnectionParams> opened)
            implements ConnectionPlugin {

        RecordingPlugin(Map<ConnectionKey, ResolvedConnectionParams> opened) {
            this("ssh", opened);
        }

        @Override
        public Set<String> settingsKeys() {
            return Set.of("config_file");
        }

        /** {@code config_file} becomes {@code extras.ssh_config_file}, as the real ssh plugin does. */
        @Override
        public ConnectionSettings settings(SettingsSection section) {
            String file = section.text("config_file").orElse(null);
            return file == null ? ConnectionSettings.NONE : params -> {
                Map<String, Object> extras = new LinkedHashMap<>(params.extras());
                extras.put("ssh_config_file", file);
                return new ResolvedConnectionParams(params.hostname(), params.port(), params.username(),
                        params.password(), params.platform(), extras);
            };
        }

        @Override
        public Connection create(ConnectionKey key) {
            return new Connection() {
                private boolean alive;

                @Override
                public void open(ResolvedConnectionParams params) {
                    opened.put(key, params);
                    alive = true;
                }

                @Override
                public boolean isAlive() {
                    return alive;
                }

                @Override
                public ConnectionKey close() {
                    alive = false;
                    return key;
                }
            };
        }
    }
}
