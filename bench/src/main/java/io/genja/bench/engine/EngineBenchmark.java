package io.genja.bench.engine;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.task.TaskResults;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The engine's own cost per host: a task that does nothing, run over 100,000 in-memory hosts. The score is
 * microseconds per host (one operation = one host), including planning, creating the task through its generated
 * adapter, scheduling, processors (none), result collection and building {@link TaskResults}. For scale, Nornir 3.6 on the same machine: 26.8 µs per host
 * threaded (20 workers), 5.1 µs serial.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar EngineBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

    static final int HOSTS = 100_000;

    /** {@code serial} and {@code threaded} (20 workers) run a blocking no-op; {@code async} an asynchronous one. */
    @Param({"serial", "threaded", "async"})
    public String runner;

    private Genja genja;
    private RunOptions options;

    @Setup(Level.Trial)
    public void setUp() {
        Inventory.Builder inventory = Inventory.builder();
        for (int i = 0; i < HOSTS; i++) {
            inventory.host("host-" + i);
        }
        genja = Genja.builder(inventory.build()).plugins(new PluginManager()).build();
        options = RunOptions.defaults().runner(runner);
        if (runner.equals("threaded")) {
            options = options.workers(20);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        genja.close();
    }

    @Benchmark
    @OperationsPerInvocation(HOSTS)
    public TaskResults noOpTask() {
        TaskResults results = genja.run(runner.equals("async") ? "noop_async" : "noop", options);
        if (results.byHost().size() != HOSTS) {
            throw new IllegalStateException("expected " + HOSTS + " results, got " + results.byHost().size());
        }
        return results;
    }
}
