package io.genja.netconf;

import io.genja.connection.ConnectionException;
import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.Inventory;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.testkit.netconf.SimulatedNetconfServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Inventories and connections for simulated NETCONF servers, with their host keys in a known_hosts file. */
final class NetconfHosts {

    private NetconfHosts() {
    }

    /** A known_hosts file in {@code directory} trusting {@code server}. */
    static Path knownHosts(Path directory, SimulatedNetconfServer... servers) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (SimulatedNetconfServer server : servers) {
            lines.append(server.knownHostsLine()).append('\n');
        }
        return Files.writeString(Files.createTempFile(directory, "known_hosts", ""), lines);
    }

    /** The server as the inventory resolves it for {@code netconf}: its port in {@code connection_options.netconf}. */
    static Inventory inventory(Path directory, SimulatedNetconfServer... servers) throws IOException {
        Path knownHosts = knownHosts(directory, servers);
        Inventory.Builder inventory = Inventory.builder();
        for (SimulatedNetconfServer server : servers) {
            inventory.host(server.name(), Attributes.builder().hostname("127.0.0.1").platform("junos")
                    .username(server.username()).password(server.password())
                    .connectionOptions("netconf", new ConnectionOptions(null, server.port(), null, null, null,
                            Map.of("known_hosts_file", knownHosts.toString(), "timeout", 10)))
                    .build());
        }
        return inventory.build();
    }

    /** An open connection to {@code server} through {@code plugin}. */
    static NetconfConnection open(NetconfConnectionPlugin plugin, Path directory, SimulatedNetconfServer server)
            throws IOException, ConnectionException {
        Inventory inventory = inventory(directory, server);
        ResolvedConnectionParams params = inventory.resolveConnection(server.name(), "netconf");
        NetconfConnection connection = (NetconfConnection) plugin.create(new ConnectionKey(server.name(), "netconf"));
        connection.open(params);
        return connection;
    }
}
