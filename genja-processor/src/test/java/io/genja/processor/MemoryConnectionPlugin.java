package io.genja.processor;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionPlugin;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;

/**
 * A connection plugin registered only at run time ({@code PluginManager.register}), as tests and embedders do:
 * tasks naming it compile with {@code -Agenja.connectionPlugins=memory}. Its connections answer every command
 * with {@code "<host> ran <command>"}.
 */
public final class MemoryConnectionPlugin implements ConnectionPlugin {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Connection create(ConnectionKey key) {
        Touched.record("connect " + key.host());
        return new Connection() {
            private boolean open;

            @Override
            public void open(ResolvedConnectionParams params) {
                open = true;
            }

            @Override
            public String executeCommand(String command) {
                return key.host() + " ran " + command;
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
