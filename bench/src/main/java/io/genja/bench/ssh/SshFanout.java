package io.genja.bench.ssh;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.inventory.Attributes;
import io.genja.inventory.ConnectionOptions;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.ssh.SshConnectionPlugin;
import io.genja.task.TaskResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Genja half of {@code bench/ssh-fanout/run.sh}: runs one command on N inventory hosts (all pointing at one
 * OpenSSH sshd on loopback) through Genja with W workers, and prints the wall time and the JVM's peak RSS.
 *
 * <p>Arguments: {@code port user private_key known_hosts hosts workers command}.
 *
 * <p>The W workers are the threaded runner's; all hosts share one plugin (one {@code SshClient}) and one
 * connection manager, as in any Genja run.
 */
public final class SshFanout {

    private SshFanout() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: SshFanout port user private_key known_hosts hosts workers command");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String user = args[1];
        String key = args[2];
        String knownHosts = args[3];
        int hosts = Integer.parseInt(args[4]);
        int workers = Integer.parseInt(args[5]);
        String command = args[6];

        Inventory.Builder builder = Inventory.builder();
        for (int i = 1; i <= hosts; i++) {
            builder.host(String.format("host-%03d", i), Attributes.builder().hostname("127.0.0.1").port(port)
                    .username(user).platform("linux")
                    .connectionOptions("ssh", new ConnectionOptions(null, null, null, null, null,
                            Map.of("private_key_file", key, "known_hosts_file", knownHosts,
                                    // a loaded 2-core machine starts sshd sessions slowly; time is measured, not limited
                                    "timeout", 300)))
                    .build());
        }
        Inventory inventory = builder.build();
        long started = System.nanoTime();
        int passed;
        List<String> failures = new ArrayList<>();
        try (Genja genja = Genja.builder(inventory).plugins(new PluginManager().register(new SshConnectionPlugin()))
                .build()) {
            // Genja.close() closes the connections and then the plugin's shared client.
            TaskResults results = genja.run("run_command",
                    RunOptions.defaults().runner("threaded").workers(workers).option("command", command));
            passed = results.passedHosts().size();
            results.failedHosts().forEach(h -> failures.add(h + ": " + results.hostResult(h)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM")).map(l -> l.replaceAll("\\s+", " ")).collect(Collectors.joining());
        System.out.printf("genja: %d/%d hosts passed in %.3f s with %d workers; JVM peak RSS (%s)%n",
                passed, hosts, seconds, workers, hwm);
        failures.stream().limit(5).forEach(f -> System.out.println("  failed " + f));
        if (passed != hosts) {
            System.exit(1);
        }
    }
}
