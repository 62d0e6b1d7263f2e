package io.genja.bench.inventory;

import io.genja.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: loading a generated inventory (100 groups, 3 levels of parents, each host in 2 groups) from YAML, and
 * resolving every host of a freshly loaded inventory for ssh (the first resolution, not the cache). Single-shot:
 * each invocation is one whole load or one whole resolve-all. Run:
 * {@code java -jar bench/target/benchmarks.jar InventoryBenchmark -f 1 -wi 2 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InventoryBenchmark {

    @Param("100000")
    public int hosts;

    private Path dir;
    private Inventory fresh;

    @Setup(Level.Trial)
    public void writeFiles() throws IOException {
        dir = InventoryFiles.write(Path.of("target/inventory-bench-" + hosts), hosts);
    }

    @Setup(Level.Iteration)
    public void loadFresh() {
        fresh = load();
    }

    private Inventory load() {
        return Inventory.load(dir.resolve("hosts.yaml"), dir.resolve("groups.yaml"), dir.resolve("defaults.yaml"));
    }

    @Benchmark
    public Inventory loadYaml() {
        return load();
    }

    @Benchmark
    public int resolveAllForSsh() {
        return InventoryLoadMain.resolveAll(fresh);
    }
}
