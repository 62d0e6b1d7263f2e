package io.genja.testkit;

import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.Inventory;
import io.genja.settings.ConnectionResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Many {@link SimulatedDevice}s started together on {@code 127.0.0.1}, sharing one host key, with a
 * {@code known_hosts} file that lists them all and a ready {@link Inventory}.
 *
 * <pre>{@code
 * try (DeviceFleet fleet = DeviceFleet.builder().ciscoIos(100).linux(100).start()) {
 *     Inventory inventory = fleet.inventory();
 *     ...
 *     fleet.awaitNoOpenSessions(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class DeviceFleet implements AutoCloseable {

    private final Map<String, SimulatedDevice> devices;
    private final Object monitor = new Object();
    private final Path directory;
    private final Path knownHosts;
    private final Map<String, Object> extras;

    private DeviceFleet(List<SimulatedDevice> devices, Map<String, Object> extras) {
        Map<String, SimulatedDevice> byName = new LinkedHashMap<>();
        for (SimulatedDevice device : devices) {
            if (byName.putIfAbsent(device.name(), device) != null) {
                throw new IllegalArgumentException("two devices of the fleet are named " + device.name());
            }
        }
        this.devices = Collections.unmodifiableMap(byName);
        this.extras = Map.copyOf(extras);
        try {
            this.directory = Files.createTempDirectory("genja-fleet-");
            this.knownHosts = directory.resolve("known_hosts");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the fleet's temporary directory", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private DeviceFleet start() {
        KeyPair hostKey = SimulatedDevice.newHostKey();
        try {
            for (SimulatedDevice device : devices.values()) {
                device.start(monitor, hostKey);
            }
            writeKnownHosts();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private void writeKnownHosts() {
        StringBuilder lines = new StringBuilder();
        for (SimulatedDevice device : devices.values()) {
            if (device.hostPublicKey() != null) {
                lines.append("[127.0.0.1]:").append(device.port()).append(' ')
                        .append(PublicKeyEntry.toString(device.hostPublicKey())).append('\n');
            }
        }
        try {
            Files.writeString(knownHosts, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + knownHosts, e);
        }
    }

    /** The devices, in the order they were added. */
    public List<SimulatedDevice> devices() {
        return List.copyOf(devices.values());
    }

    /** The device called {@code name}. */
    public SimulatedDevice device(String name) {
        SimulatedDevice device = devices.get(name);
        if (device == null) {
            throw new NoSuchElementException("the fleet has no device \"" + name + "\"; it has "
                    + devices.size() + " devices, e.g. " + devices.keySet().stream().limit(3).toList());
        }
        return device;
    }

    /** A {@code known_hosts} file listing every device's host key under {@code [127.0.0.1]:port}. */
    public Path knownHostsFile() {
        return knownHosts;
    }

    /**
     * Writes the fleet as a Genja {@code hosts.yaml} (one host per device: {@code 127.0.0.1}, its port,
     * credentials, platform and {@code known_hosts_file} = {@link #knownHostsFile()}; a {@linkplain
     * SimulatedDevice.Builder#telnet() Telnet} device's host also {@code connection_plugin: telnet}), for tests that run the
     * {@code genja} command in another process.
     */
    public Path writeHostsFile(Path file) throws IOException {
        StringBuilder hosts = new StringBuilder();
        for (SimulatedDevice device : devices.values()) {
            hosts.append(device.name()).append(":\n")
                    .append("  hostname: 127.0.0.1\n")
                    .append("  port: ").append(device.port()).append('\n')
                    .append("  username: ").append(quoted(device.username())).append('\n')
                    .append("  password: ").append(quoted(device.password())).append('\n')
                    .append("  platform: ").append(device.platformName()).append('\n')
                    .append("  connection_options:\n    ssh:\n      extras:\n")
                    .append("        known_hosts_file: ").append(quoted(knownHosts.toString())).append('\n');
            if (device.telnet()) {
                hosts.append("        ").append(ConnectionResolver.CONNECTION_PLUGIN_EXTRA).append(": telnet\n");
            }
        }
        return Files.writeString(file, hosts);
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A temporary directory that lives as long as the fleet, for files a test writes. */
    public Path directory() {
        return directory;
    }

    /**
     * An inventory with one host per device: hostname {@code 127.0.0.1}, the device's port, credentials and
     * platform, and {@code connection_options.ssh.extras} with {@code known_hosts_file} set to
     * {@link #knownHostsFile()} plus the builder's extras; for a {@linkplain SimulatedDevice.Builder#telnet() Telnet}
     * device also {@code connection_plugin: telnet}, so that its ssh tasks run over the telnet plugin.
     */
    public Inventory inventory() {
        return inventory(UnaryOperator.identity());
    }

    /** {@link #inventory()}, with each device's attributes passed through {@code customize} (e.g. to add groups). */
    public Inventory inventory(UnaryOperator<Attributes.Builder> customize) {
        Inventory.Builder builder = Inventory.builder();
        for (SimulatedDevice device : devices.values()) {
            Map<String, Object> sshExtras = new LinkedHashMap<>();
            sshExtras.put("known_hosts_file", knownHosts.toString());
            sshExtras.putAll(extras);
            if (device.telnet()) {
                sshExtras.put(ConnectionResolver.CONNECTION_PLUGIN_EXTRA, "telnet");
            }
            Attributes.Builder attributes = Attributes.builder()
                    .hostname("127.0.0.1")
                    .port(device.port())
                    .username(device.username())
                    .password(device.password())
                    .platform(device.platformName())
                    .connectionOptions("ssh", new ConnectionOptions(null, null, null, null, null, sshExtras));
            builder.host(device.name(), customize.apply(attributes).build());
        }
        return builder.build();
    }

    /** SSH sessions (and silent TCP connections) open on all devices right now. */
    public int openSessions() {
        return devices.values().stream().mapToInt(SimulatedDevice::openSessions).sum();
    }

    /** The devices that have a session open right now. */
    public List<SimulatedDevice> devicesWithOpenSessions() {
        return devices.values().stream().filter(d -> d.openSessions() > 0).toList();
    }

    /**
     * Waits until no device has an open session; servers learn that a client left a moment after it did. Each
     * device is checked on its own, so one device's leak is never hidden by another's count.
     *
     * @return {@code true} when none is open, {@code false} when some still are after {@code timeout}
     */
    public boolean awaitNoOpenSessions(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!devicesWithOpenSessions().isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /**
     * Fails with a message naming the devices that still have sessions when sessions stay open after
     * {@code timeout}: the assertion that a client leaked nothing.
     *
     * @throws AssertionError e.g. {@code sessions still open after PT10S: [linux-001=1]}
     */
    public void assertNoOpenSessions(Duration timeout) throws InterruptedException {
        if (!awaitNoOpenSessions(timeout)) {
            throw new AssertionError("sessions still open after " + timeout + ": " + devicesWithOpenSessions().stream()
                    .map(d -> d.name() + "=" + d.openSessions()).toList());
        }
    }

    /** Stops every device and deletes the fleet's files. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (SimulatedDevice device : devices.values()) {
            try {
                device.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is not worth failing a test for
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "DeviceFleet[" + devices.size() + " devices]";
    }

    /** Describes a fleet; {@link #start()} starts it. */
    public static final class Builder {
        private final List<SimulatedDevice.Builder> devices = new ArrayList<>();
        private final Map<String, Object> extras = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private UnaryOperator<SimulatedDevice.Builder> defaults = UnaryOperator.identity();

        private Builder() {
        }

        /** Adds {@code count} Cisco IOS devices named {@code ios-001}, {@code ios-002}, ... */
        public Builder ciscoIos(int count) {
            return add(DevicePlatform.CISCO_IOS.inventoryName(), "ios", count);
        }

        /** Adds {@code count} Linux hosts named {@code linux-001}, {@code linux-002}, ... */
        public Builder linux(int count) {
            return add(DevicePlatform.LINUX.inventoryName(), "linux", count);
        }

        /**
         * Adds {@code count} devices of any platform that has a profile on the class path, named after the
         * profile: {@code arista_eos-001}, ...
         *
         * @throws IllegalArgumentException when no profile is called {@code platform}
         */
        public Builder platform(String platform, int count) {
            String name = SimulatedPlatform.of(platform).profile().name();
            return add(name, name, count);
        }

        private Builder add(String platform, String prefix, int count) {
            int first = counts.getOrDefault(platform, 0);
            for (int i = first + 1; i <= first + count; i++) {
                devices.add(SimulatedDevice.builder(String.format(Locale.ROOT, "%s-%03d", prefix, i)).platform(platform));
            }
            counts.put(platform, first + count);
            return this;
        }

        /** Adds one device configured by hand (a fault, other credentials, ...). */
        public Builder device(SimulatedDevice.Builder device) {
            devices.add(device);
            return this;
        }

        /** Applied to every device before it is built, e.g. {@code d -> d.latency(Duration.ofMillis(20))}. */
        public Builder each(UnaryOperator<SimulatedDevice.Builder> defaults) {
            this.defaults = defaults;
            return this;
        }

        /** An extra put into every host's {@code connection_options.ssh.extras}, e.g. {@code timeout}. */
        public Builder sshExtra(String key, Object value) {
            extras.put(key, value);
            return this;
        }

        /** Starts every device; on failure stops the ones already started. */
        public DeviceFleet start() {
            List<SimulatedDevice> built = devices.stream().map(d -> defaults.apply(d).build()).toList();
            return new DeviceFleet(built, extras).start();
        }
    }
}
