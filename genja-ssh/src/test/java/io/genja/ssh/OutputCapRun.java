package io.genja.ssh;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.inventory.Attributes;
import io.genja.connection.ConnectionException;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.settings.Settings;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DevicePlatform;
import io.genja.testkit.Fault;
import io.genja.testkit.SimulatedDevice;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run over a fleet in which two devices print endlessly (one in exec mode, one in shell mode) and one is too
 * slow for its command timeout, for {@link OutputCapHeapTest} to start in a JVM with a small heap. Prints one line
 * per host ({@code host<TAB>status<TAB>kind<TAB>retryable<TAB>millis<TAB>message}), then
 * {@code timed<TAB>kind<TAB>millis} (a command timeout on {@code stuck} measured from the command's start, beside the
 * run), {@code heap<TAB>peak MiB} and {@code run<TAB>millis}.
 */
public final class OutputCapRun {

    /** The cap the settings file sets for every host; {@code flood-shell} sets its own in extras. */
    static final String SETTINGS_CAP = "8MiB";
    static final String EXTRAS_CAP = "4MiB";
    /** The command timeout measured on its own, beside the run. */
    static final Duration TIMED_COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private OutputCapRun() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        try (DeviceFleet fleet = DeviceFleet.builder()
                .ciscoIos(4)
                .linux(4)
                .device(SimulatedDevice.builder("flood-exec").platform(DevicePlatform.LINUX).fault(Fault.ENDLESS_OUTPUT))
                .device(SimulatedDevice.builder("flood-shell").fault(Fault.ENDLESS_OUTPUT))
                .device(SimulatedDevice.builder("stuck").platform(DevicePlatform.LINUX).latency(Duration.ofSeconds(8)))
                .start()) {
            Path config = Files.createTempFile(fleet.directory(), "config", ".yaml");
            Files.writeString(config, "ssh:\n  max_output: " + SETTINGS_CAP + "\n");
            PluginManager plugins = new PluginManager().register(new SshConnectionPlugin());
            Settings settings = Settings.load(config, Map.of(), plugins);
            // A command timeout measured from the command's start, while the floods run beside it.
            SshConnectionPlugin direct = new SshConnectionPlugin();
            SimulatedDevice stuck = fleet.device("stuck");
            SshConnection timed = (SshConnection) direct.create(new ConnectionKey("stuck", "ssh"));
            timed.open(new ResolvedConnectionParams("127.0.0.1", stuck.port(), stuck.username(), stuck.password(),
                    stuck.platformName(), Map.of("known_hosts_file", fleet.knownHostsFile().toString(),
                            "command_timeout", TIMED_COMMAND_TIMEOUT.toMillis() / 1000.0)));

            long started = System.nanoTime();
            CompletableFuture<TaskResults> run = CompletableFuture.supplyAsync(() -> {
                try (Genja genja = Genja.builder(inventory(fleet)).settings(settings).plugins(plugins).build()) {
                    return genja.run(RunCommand.class, RunOptions.defaults().option("command", "show version"));
                }
            });
            long commandStarted = System.nanoTime();
            String timeout;
            try {
                timed.executeCommand("show version");
                timeout = "none";
            } catch (ConnectionException e) {
                timeout = e.kind() + "\t" + Duration.ofNanos(System.nanoTime() - commandStarted).toMillis();
            } finally {
                timed.close();
                direct.close();
            }
            TaskResults results = run.get(60, TimeUnit.SECONDS);
            long runMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            results.byHost().forEach((host, result) -> System.out.println(String.join("\t", host, describe(result))));
            System.out.println("timed\t" + timeout);
            System.out.println("heap\t" + peak.get() / (1024 * 1024));
            System.out.println("run\t" + runMillis);
        }
    }

    private static String describe(HostTaskResult result) {
        if (result instanceof HostTaskResult.Failed failed) {
            return String.join("\t", "failed", failed.failure().kind().name(),
                    String.valueOf(failed.failure().retryable()), String.valueOf(failed.duration().toMillis()),
                    failed.failure().message());
        }
        return String.join("\t", result instanceof HostTaskResult.Passed ? "passed" : "skipped", "-", "-",
                String.valueOf(result.duration().toMillis()), "-");
    }

    /** The fleet's inventory, with {@code flood-shell}'s own cap and {@code stuck}'s short command timeout. */
    private static Inventory inventory(DeviceFleet fleet) {
        Inventory.Builder builder = Inventory.builder();
        for (SimulatedDevice device : fleet.devices()) {
            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("known_hosts_file", fleet.knownHostsFile().toString());
            if (device.name().equals("flood-shell")) {
                extras.put("max_output", EXTRAS_CAP);
            }
            if (device.name().equals("stuck")) {
                extras.put("command_timeout", 1.5);
            }
            builder.host(device.name(), Attributes.builder().hostname("127.0.0.1").port(device.port())
                    .username(device.username()).password(device.password()).platform(device.platformName())
                    .connectionOptions("ssh", new ConnectionOptions(null, null, null, null, null, extras)).build());
        }
        return builder.build();
    }
}
