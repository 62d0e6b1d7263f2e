package io.genja.connection;

import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import java.util.List;

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

    /**
     * What is wrong with a host's connection parameters whatever machine the run is on (a value of the wrong type,
     * an unknown platform), found without connecting; {@code genja check} reports it. Each message says what is
     * wrong and what would be right, without naming the host (the caller groups hosts by message). The default
     * finds nothing.
     *
     * @param host the host the parameters are of
     * @param params its resolved parameters, secrets resolved where they could be
     */
    default List<String> validate(String host, ResolvedConnectionParams params) {
        return List.of();
    }

    /** Releases what the plugin shares between its connections. The default does nothing. */
    @Override
    default void close() {
    }
}
