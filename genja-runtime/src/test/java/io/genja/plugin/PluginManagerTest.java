package io.genja.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.GenjaException;
import io.genja.annotations.GenjaConnectionPlugin;
import io.genja.annotations.GenjaInventoryPlugin;
import io.genja.connection.Connection;
import io.genja.connection.ConnectionPlugin;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.Inventory;
import io.genja.inventory.InventoryPlugin;
import io.genja.task.TaskProcessor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginManagerTest {

    /** A plugin named "ssh". */
    public static final class First implements ConnectionPlugin {
        @Override
        public String name() {
            return "ssh";
        }

        @Override
        public Connection create(ConnectionKey key) {
            throw new UnsupportedOperationException();
        }
    }

    /** Another class that also calls itself "ssh". */
    public static final class Second implements ConnectionPlugin {
        @Override
        public String name() {
            return "ssh";
        }

        @Override
        public Connection create(ConnectionKey key) {
            throw new UnsupportedOperationException();
        }
    }

    /** Annotated "ssh", but name() says otherwise: tasks were checked against "ssh". */
    @GenjaConnectionPlugin(name = "ssh")
    public static final class Misnamed implements ConnectionPlugin {
        @Override
        public String name() {
            return "sshv2";
        }

        @Override
        public Connection create(ConnectionKey key) {
            throw new UnsupportedOperationException();
        }
    }

    @GenjaInventoryPlugin(name = "Netbox")
    public static final class MisnamedInventory implements InventoryPlugin {
        @Override
        public String name() {
            return "NetBox";
        }

        @Override
        public Inventory load(Map<String, Object> options, Path baseDirectory) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aPluginWhoseNameDiffersFromItsAnnotationIsRefused() {
        PluginManager plugins = new PluginManager();

        assertThatThrownBy(() -> plugins.register(new Misnamed()))
                .isInstanceOf(GenjaException.class)
                .hasMessage("connection plugin " + Misnamed.class.getName() + " is annotated with name \"ssh\" but "
                        + "its name() returns \"sshv2\"; make them the same: the compiler checks tasks against the "
                        + "annotation's name, the run finds plugins by name()");
        assertThatThrownBy(() -> plugins.register(new MisnamedInventory()))
                .isInstanceOf(GenjaException.class)
                .hasMessageStartingWith("inventory plugin " + MisnamedInventory.class.getName()
                        + " is annotated with name \"Netbox\" but its name() returns \"NetBox\"");
        assertThat(plugins.connectionPluginNames()).isEmpty();
        assertThat(plugins.inventoryPluginNames()).isEmpty();
    }

    @Test
    void twoPluginsWithOneNameAreAClearError() {
        PluginManager plugins = new PluginManager().register(new First());

        assertThatThrownBy(() -> plugins.register(new Second()))
                .isInstanceOf(GenjaException.class)
                .hasMessageContaining("two connection plugins are named \"ssh\"")
                .hasMessageContaining(First.class.getName())
                .hasMessageContaining(Second.class.getName());
        assertThat(plugins.connectionPlugin("ssh")).isInstanceOf(First.class);
    }

    @Test
    void discoveringTwoJarsThatClaimOneNameIsAClearError(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services/" + ConnectionPlugin.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, First.class.getName() + "\n" + Second.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThatThrownBy(() -> PluginManager.discover(loader))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageContaining("named \"ssh\"");
        }
    }

    @Test
    void registeringTheSameClassAgainReplacesIt() {
        First again = new First();
        PluginManager plugins = new PluginManager().register(new First()).register(again);
        assertThat(plugins.connectionPlugin("ssh")).isSameAs(again);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        PluginManager plugins = new PluginManager().register(new First()).register(processor("audit"))
                .register(processor("metrics"));

        assertThatThrownBy(() -> plugins.connectionPlugin("shh"))
                .isInstanceOf(GenjaException.class)
                .hasMessageContaining("no connection plugin \"shh\"")
                .hasMessageContaining("known: ssh");
        assertThatThrownBy(() -> plugins.processor("audti"))
                .isInstanceOf(GenjaException.class)
                .hasMessageContaining("known: audit, metrics");
    }

    @Test
    void aPluginWithoutANameIsAClearError() {
        assertThatThrownBy(() -> new PluginManager().register(processor(" ")))
                .isInstanceOf(GenjaException.class)
                .hasMessageContaining("has no name");
        assertThatThrownBy(() -> new PluginManager().register((TaskProcessor) null))
                .isInstanceOf(GenjaException.class);
    }

    private static TaskProcessor processor(String name) {
        return () -> name;
    }
}
