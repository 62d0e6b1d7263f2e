package io.genja.connection;

import io.genja.inventory.ConnectionKey;

/**
 * A connection factory, registered once: the runtime asks it for one {@link Connection} per
 * {@link ConnectionKey} (host and plugin). Annotate implementations with
 * {@link io.genja.annotations.GenjaConnectionPlugin} so tasks naming it are checked at compile time.
 *
 * <p>Plugins that hold shared resources (a client, a thread pool) release them in {@link #close()}, which
 * {@code Genja.close()} calls after every connection is closed.
 */
public interface ConnectionPlugin extends AutoCloseable {

    /** The name tasks use in {@code connectionPluginName}, for example {@code "ssh"}. */
    String name();

    /** A new, not yet opened connection for {@code key}. */
    Connection create(ConnectionKey key);

    /** Releases what the plugin shares between its connections. The default does nothing. */
    @Override
    default void close() {
    }
}
