package io.genja.runner;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.connection.ConnectionPlugin;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link Connection} per {@link ConnectionKey}: opened on first use, reused by later tasks, reopened
 * when it is no longer alive, closed by {@link #closeAll()}.
 */
public final class ConnectionManager {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionManager.class);

    private final Inventory inventory;
    private final PluginManager plugins;
    private final Map<ConnectionKey, Connection> connections = new ConcurrentHashMap<>();
    private final Map<ConnectionKey, Object> locks = new ConcurrentHashMap<>();

    public ConnectionManager(Inventory inventory, PluginManager plugins) {
        this.inventory = inventory;
        this.plugins = plugins;
    }

    /** The open connection of {@code host} for {@code plugin}, opening (or reopening) it when needed. */
    public Connection get(Host host, String plugin) throws ConnectionException {
        ConnectionKey key = new ConnectionKey(host.name(), plugin);
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Connection connection = connections.get(key);
            if (connection != null && connection.isAlive()) {
                return connection;
            }
            if (connection != null) {
                LOG.debug("{} is no longer alive; reopening", key);
                connection.close();
                connections.remove(key);
            }
            ConnectionPlugin factory = plugins.connectionPlugin(plugin);
            Connection created = factory.create(key);
            try {
                created.open(inventory.secrets().resolve(key, inventory.resolveConnection(host.name(), plugin)));
            } catch (ConnectionException | RuntimeException e) {
                created.close();
                throw e;
            }
            connections.put(key, created);
            return created;
        }
    }

    /** Closes every connection once; returns the keys that were closed. */
    public List<ConnectionKey> closeAll() {
        List<ConnectionKey> closed = new ArrayList<>();
        for (ConnectionKey key : List.copyOf(connections.keySet())) {
            Connection connection = connections.remove(key);
            if (connection != null) {
                try {
                    closed.add(connection.close());
                } catch (RuntimeException e) {
                    LOG.warn("closing {} failed: {}", key, e.toString());
                }
            }
        }
        return closed;
    }
}
