package io.genja.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.check.WorkspaceCheck;
import io.genja.connection.Connection;
import io.genja.document.Problem;
import io.genja.connection.ConnectionException;
import io.genja.connection.ConnectionPlugin;
import io.genja.internal.engine.ConnectionManager;
import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.Inventory;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.plugin.PluginManager;
import io.genja.task.FailureKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A host whose {@code connection_options.<plugin>.extras.connection_plugin} names another plugin connects through that
 * one for tasks of the first (a Telnet-only device running ssh tasks); other hosts are untouched.
 */
class ConnectionPluginChoiceTest {

    /** A plugin whose connections remember the plugin and the parameters they were opened with. */
    record Recording(String name) implements ConnectionPlugin {
        @Override
        public Connection create(ConnectionKey key) {
            return new Opened(key, name);
        }
    }

    static final class Opened implements Connection {
        final ConnectionKey key;
        final String plugin;
        ResolvedConnectionParams params;

        Opened(ConnectionKey key, String plugin) {
            this.key = key;
            this.plugin = plugin;
        }

        @Override
        public void open(ResolvedConnectionParams params) {
            this.params = params;
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public ConnectionKey close() {
            return key;
        }
    }

    private final PluginManager plugins = new PluginManager().register(new Recording("cli"))
            .register(new Recording("cleartext"));

    private final Inventory inventory = Inventory.builder()
            .host("modern", Attributes.builder().hostname("10.0.0.1").build())
            .host("legacy", Attributes.builder().hostname("10.0.0.2")
                    .connectionOptions("cli", options(Map.of("connection_plugin", "cleartext")))
                    .connectionOptions("cleartext", new ConnectionOptions(null, 2323, null, null, null, Map.of()))
                    .build())
            .host("typo", Attributes.builder()
                    .connectionOptions("cli", options(Map.of("connection_plugin", "cleartxt"))).build())
            .host("number", Attributes.builder()
                    .connectionOptions("cli", options(Map.of("connection_plugin", 23))).build())
            .build();

    private final ConnectionResolver resolver = ConnectionResolver.of(inventory, plugins, Settings.defaults());

    @Test
    void aHostConnectsThroughThePluginItsOptionsName() throws Exception {
        assertThat(resolver.connectionPlugin("modern", "cli")).isEqualTo("cli");
        assertThat(resolver.connectionPlugin("legacy", "cli")).isEqualTo("cleartext");
        assertThat(resolver.connectionPlugin("legacy", "cleartext")).as("one step only").isEqualTo("cleartext");

        ConnectionManager connections = new ConnectionManager(plugins, resolver, null);
        try {
            Opened legacy = (Opened) connections.get(inventory.host("legacy").orElseThrow(), "cli");
            assertThat(legacy.plugin).isEqualTo("cleartext");
            assertThat(legacy.key).isEqualTo(new ConnectionKey("legacy", "cleartext"));
            assertThat(legacy.params.port()).as("opened with the other plugin's options").isEqualTo(2323);
            assertThat(connections.get(inventory.host("legacy").orElseThrow(), "cleartext")).isSameAs(legacy);
            Opened modern = (Opened) connections.get(inventory.host("modern").orElseThrow(), "cli");
            assertThat(modern.plugin).isEqualTo("cli");
        } finally {
            connections.closeAll();
        }
    }

    @Test
    void anUnknownPluginOrAValueThatIsNoNameFailsTheHostWithValidation() {
        assertThatThrownBy(() -> resolver.connectionPlugin("typo", "cli"))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.VALIDATION);
                    assertThat(e.getMessage()).contains("host typo: connection_options.cli.extras.connection_plugin "
                            + "names connection plugin \"cleartxt\", which is not registered; known: [cleartext, cli]");
                });
        assertThatThrownBy(() -> resolver.connectionPlugin("number", "cli"))
                .isInstanceOfSatisfying(ConnectionException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.VALIDATION));
        assertThat(new WorkspaceCheck(inventory, plugins, null).connectionProblems(resolver))
                .extracting(Problem::toString).anySatisfy(problem -> assertThat(problem)
                        .contains("cli: connection_options.cli.extras.connection_plugin names connection plugin "
                                + "\"cleartxt\", which is not registered").contains("typo"));
        ConnectionManager connections = new ConnectionManager(plugins, resolver, Duration.ZERO);
        assertThatThrownBy(() -> connections.get(inventory.host("typo").orElseThrow(), "cli"))
                .isInstanceOfSatisfying(ConnectionException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.VALIDATION));
        connections.closeAll();
    }

    private static ConnectionOptions options(Map<String, Object> extras) {
        return new ConnectionOptions(null, null, null, null, null, extras);
    }
}
