package io.genja.ssh;

import io.genja.connection.ConnectionException;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.SimulatedDevice;
import java.util.LinkedHashMap;
import java.util.Map;

/** A simulated fleet's hosts as the ssh plugin's tests open them: the inventory's parameters, a 10 s timeout. */
final class FleetHosts {

    private FleetHosts() {
    }

    /** {@code name}'s connection, opened by {@code plugin} with {@code extras} added to the inventory's. */
    static SshConnection open(SshConnectionPlugin plugin, DeviceFleet fleet, String name, Map<String, Object> extras)
            throws ConnectionException {
        SimulatedDevice device = fleet.device(name);
        SshConnection connection = (SshConnection) plugin.create(key(device));
        connection.open(params(fleet, device, extras));
        return connection;
    }

    static ConnectionKey key(SimulatedDevice device) {
        return new ConnectionKey(device.name(), "ssh");
    }

    /** The inventory's parameters of {@code device} for ssh, with a 10 s timeout and {@code extras} on top. */
    static ResolvedConnectionParams params(DeviceFleet fleet, SimulatedDevice device, Map<String, Object> extras) {
        ResolvedConnectionParams params = fleet.inventory().resolveConnection(device.name(), "ssh");
        Map<String, Object> all = new LinkedHashMap<>(params.extras());
        all.put("timeout", 10);
        all.putAll(extras);
        return new ResolvedConnectionParams(params.hostname(), params.port(), params.username(), params.password(),
                params.platform(), all);
    }
}
