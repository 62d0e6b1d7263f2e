package io.genja.bench.inventory;

import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads a 100,000-host inventory from YAML and resolves every host for ssh, printing both times and the peak
 * heap. Run with {@code bench/inventory.sh}, which sets {@code -Xmx300m}: the run fails if 300 MB are not enough.
 *
 * <p>Arguments: {@code [hosts] [directory] [rounds]}; defaults 100000, {@code target/inventory-bench}, 5. Each
 * round loads a fresh inventory and resolves it once (resolution is cached per host, so a second pass over the
 * same inventory would measure the cache); the minimum and median of the rounds are reported. Peak heap is the
 * sum of the heap pools' peaks, measured over a separate first round after a full GC.
 */
public final class InventoryLoadMain {

    private InventoryLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/inventory-bench");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        InventoryFiles.write(dir, hosts);
        System.out.printf("inventory: %d hosts, %d groups, hosts.yaml %.1f MB%n", hosts, InventoryFiles.GROUPS,
                Files.size(dir.resolve("hosts.yaml")) / 1e6);

        System.gc();
        resetPeaks();
        long baseline = heapUsed();
        Inventory measured = load(dir);
        resolveAll(measured);
        long peak = heapPeak();
        System.gc();
        long retained = heapUsed() - baseline;
        System.out.printf("peak heap during load + resolve-all: %.0f MB (retained by the inventory: %.0f MB)%n",
                peak / 1e6, retained / 1e6);
        measured = null;

        double[] loadMs = new double[rounds];
        double[] loadCpuMs = new double[rounds];
        double[] resolveMs = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpu = cpuNanos();
            long start = System.nanoTime();
            Inventory inventory = load(dir);
            long loaded = System.nanoTime();
            loadCpuMs[round] = (cpuNanos() - cpu) / 1e6;
            int ports = resolveAll(inventory);
            long resolved = System.nanoTime();
            loadMs[round] = (loaded - start) / 1e6;
            resolveMs[round] = (resolved - loaded) / 1e6;
            if (ports != hosts) {
                throw new IllegalStateException("resolved " + ports + " of " + hosts + " hosts");
            }
        }
        System.out.printf("load:        min %.0f ms, median %.0f ms over %d rounds (CPU time of the process: min %.0f ms;"
                + " %d processors, system load average %.1f)%n", min(loadMs), median(loadMs), rounds, min(loadCpuMs),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("resolve-all: min %.1f ms, median %.1f ms over %d rounds (ssh, %d hosts)%n",
                min(resolveMs), median(resolveMs), rounds, hosts);
    }

    private static Inventory load(Path dir) {
        return Inventory.load(dir.resolve("hosts.yaml"), dir.resolve("groups.yaml"), dir.resolve("defaults.yaml"));
    }

    /** Resolves every host for ssh; returns how many got a port, so the work cannot be optimised away. */
    static int resolveAll(Inventory inventory) {
        int withPort = 0;
        for (Host host : inventory.hosts()) {
            if (inventory.resolveConnection(host.name(), "ssh").port() != null) {
                withPort++;
            }
        }
        return withPort;
    }

    /** CPU time of the whole process (all threads, GC included), to read timings on a busy machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
