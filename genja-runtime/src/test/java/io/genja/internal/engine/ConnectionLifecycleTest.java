package io.genja.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.Filter;
import io.genja.plugin.PluginManager;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskException;
import io.genja.task.TaskResults;
import io.genja.task.TaskSuccess;
import io.genja.testing.Fixtures;
import io.genja.testing.MemoryPlugin;
import io.genja.testing.TestTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionLifecycleTest {

    private final MemoryPlugin mem = new MemoryPlugin("mem");
    /** The connection each task saw, per host. */
    private final Map<String, Set<Connection>> seen = new ConcurrentHashMap<>();

    private TestTask usingConnection(String name, String... subTasks) {
        return TestTask.named(name).plugin("mem").subTasks(subTasks).body((host, ctx) -> {
            seen.computeIfAbsent(host.name(), h -> ConcurrentHashMap.newKeySet()).add(ctx.connection().orElseThrow());
            return HostTaskResult.passed(new TaskSuccess().withResult(ctx.executeCommand("show version")));
        });
    }

    private Genja genja(int hosts, TestTask... tasks) {
        return Fixtures.genja(hosts, List.of(tasks), List.of(mem), List.of());
    }

    @Test
    void opensOneConnectionPerHostAcrossThreeTasksWithSubTasks() {
        try (Genja genja = genja(12, usingConnection("backup", "diff", "save"), usingConnection("diff"),
                usingConnection("save", "verify"), usingConnection("verify"), usingConnection("audit", "verify"))) {
            for (String task : List.of("backup", "save", "audit")) {
                TaskResults results = genja.run(task, RunOptions.defaults().workers(4));
                assertThat(results.summary().passed()).isEqualTo(12);
            }
            for (int i = 0; i < 12; i++) {
                assertThat(mem.opens("h" + i)).as("opens of h%d", i).isEqualTo(1);
                assertThat(seen.get("h" + i)).as("connections seen on h%d", i).hasSize(1);
            }
            assertThat(mem.connections()).hasSize(12);
        }
    }

    @Test
    void withAnIdleTimeoutOfZeroAHostsConnectionClosesAsSoonAsItsTaskTreeHasFinished() {
        AtomicInteger mostOpen = new AtomicInteger();
        TestTask save = TestTask.named("save").plugin("mem").body((host, ctx) -> {
            seen.computeIfAbsent(host.name(), h -> ConcurrentHashMap.newKeySet()).add(ctx.connection().orElseThrow());
            long open = mem.connections().stream().filter(Connection::isAlive).count();
            mostOpen.accumulateAndGet((int) open, Math::max);
            return HostTaskResult.passed(new TaskSuccess().withResult(ctx.executeCommand("write memory")));
        });
        PluginManager plugins = new PluginManager().register(mem);
        try (Genja genja = Genja.builder(Fixtures.hosts(12)).plugins(plugins)
                .catalog(TaskCatalog.of(List.of(usingConnection("backup", "save"), save)))
                .connectionIdleTimeout(Duration.ZERO).build()) {
            TaskResults results = genja.run("backup", RunOptions.defaults().workers(3));

            assertThat(results.summary().passed()).isEqualTo(12);
            assertThat(mem.connections()).as("closed before the run returned, each exactly once").hasSize(12)
                    .allSatisfy(c -> assertThat(c.closes.get()).isEqualTo(1));
            for (int i = 0; i < 12; i++) {
                assertThat(seen.get("h" + i)).as("the sub-task used the task's connection on h%d", i).hasSize(1);
            }
            assertThat(mostOpen.get()).as("only hosts in progress hold a connection").isBetween(1, 3);

            genja.run("save");
            assertThat(mem.connections()).as("a later run opens them again").hasSize(24);
        }
    }

    @Test
    void connectionsNoRunUsesCloseAfterTheIdleTimeout() throws Exception {
        PluginManager plugins = new PluginManager().register(mem);
        try (Genja genja = Genja.builder(Fixtures.hosts(3)).plugins(plugins)
                .catalog(TaskCatalog.of(List.of(usingConnection("show"))))
                .connectionIdleTimeout(Duration.ofMillis(100)).build()) {
            genja.run("show");
            for (MemoryPlugin.MemoryConnection connection : mem.connections()) {
                assertThat(connection.awaitClosed(Duration.ofSeconds(10))).as("%s closed", connection.key).isTrue();
            }

            TaskResults later = genja.run("show");

            assertThat(later.summary().passed()).isEqualTo(3);
            assertThat(mem.connections()).hasSize(6);
        }
        assertThat(mem.connections()).allSatisfy(c -> assertThat(c.closes.get()).isEqualTo(1));
    }

    @Test
    void reopensAConnectionThatDied() {
        try (Genja genja = genja(3, usingConnection("show"))) {
            genja.run("show");
            MemoryPlugin.MemoryConnection first = mem.connections("h1").get(0);
            first.kill();

            TaskResults again = genja.run("show");

            assertThat(again.summary().passed()).isEqualTo(3);
            assertThat(mem.opens("h1")).isEqualTo(2);
            assertThat(mem.opens("h0")).isEqualTo(1);
            assertThat(first.closes.get()).as("the dead connection is closed once").isEqualTo(1);
            assertThat(seen.get("h1")).hasSize(2).contains(mem.connections("h1").get(1));
        }
    }

    @Test
    void closeClosesEveryConnectionExactlyOnceThenThePlugin() {
        Genja genja = genja(5, usingConnection("show"));
        genja.run("show");
        mem.connections("h2").get(0).kill();
        genja.run("show");

        genja.close();
        genja.close();

        assertThat(mem.connections()).hasSize(6).allSatisfy(c -> assertThat(c.closes.get()).isEqualTo(1));
        assertThat(mem.pluginCloses.get()).isEqualTo(1);
        List<String> events = new ArrayList<>(mem.events);
        assertThat(events.get(events.size() - 1)).isEqualTo("plugin close");
        assertThat(events).filteredOn(e -> e.startsWith("close ")).hasSize(6);
    }

    @Test
    void closesConnectionsAfterFailuresToo() {
        TestTask failing = TestTask.named("fail").plugin("mem").body((host, ctx) -> {
            throw new IllegalStateException("boom on " + host.name());
        });
        Genja genja = genja(4, failing);
        TaskResults results = genja.run("fail");
        genja.close();

        assertThat(results.summary().failed()).isEqualTo(4);
        assertThat(mem.connections()).hasSize(4).allSatisfy(c -> assertThat(c.closes.get()).isEqualTo(1));
    }

    @Test
    void closesConnectionsAfterAnInterruptedRun() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch never = new CountDownLatch(1);
        TestTask block = TestTask.named("block").plugin("mem").body((host, ctx) -> {
            started.countDown();
            never.await();
            return TestTask.ok();
        });
        Genja genja = genja(6, block);
        Thread caller = new Thread(() -> genja.run("block", RunOptions.defaults().workers(2)));
        caller.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(10_000);

        genja.close();

        assertThat(caller.isAlive()).isFalse();
        assertThat(mem.connections()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat(c.closes.get()).isEqualTo(1));
    }

    @Test
    void racingThreadsOpenOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        mem.holdOpens(gate);
        PluginManager plugins = new PluginManager().register(mem);
        ConnectionManager connections = new ConnectionManager(Fixtures.hosts(1), plugins);
        io.genja.inventory.Host host = Fixtures.hosts(1).hosts().get(0);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch asking = new CountDownLatch(threads);
        try {
            List<Future<Connection>> got = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                got.add(pool.submit(() -> {
                    asking.countDown();
                    return connections.get(host, "mem");
                }));
            }
            assertThat(asking.await(10, TimeUnit.SECONDS)).isTrue();
            gate.countDown();
            Set<Connection> distinct = ConcurrentHashMap.newKeySet();
            for (Future<Connection> future : got) {
                distinct.add(future.get(10, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(1);
            assertThat(mem.opens("h0")).isEqualTo(1);
            assertThat(mem.connections()).hasSize(1);
        } finally {
            pool.shutdownNow();
            connections.closeAll();
        }
    }

    @Test
    void aConnectionLostWhileTheTaskRunsIsAFailureNotAnUnreachableHost() {
        TestTask show = TestTask.named("show").plugin("mem").body((host, ctx) -> {
            if (host.name().equals("h1")) {
                throw new TaskException(FailureKind.CONNECTION, "the host closed the shell");
            }
            return TestTask.ok();
        });
        mem.failOpens(key -> key.host().equals("h2")
                ? new ConnectionException(FailureKind.CONNECTION, "connection refused") : null);
        try (Genja genja = genja(3, show)) {
            TaskResults results = genja.run("show");

            assertThat(results.unreachableHosts()).containsExactly("h2");
            assertThat(results.failedHosts()).containsExactly("h1", "h2");
            assertThat(results.summary().failed()).isEqualTo(1);
            assertThat(results.summary().unreachable()).isEqualTo(1);
        }
    }

    @Test
    void aFailingOpenFailsOnlyItsHostAndTheTaskDoesNotStart() {
        mem.failOpens(key -> key.host().equals("h2")
                ? new ConnectionException(FailureKind.AUTHENTICATION, "permission denied for admin") : null);
        AtomicInteger started = new AtomicInteger();
        TestTask show = TestTask.named("show").plugin("mem").subTasks("save").body((host, ctx) -> {
            started.incrementAndGet();
            return TestTask.ok();
        });
        TestTask save = TestTask.named("save").plugin("mem").body((host, ctx) -> {
            started.incrementAndGet();
            return TestTask.ok();
        });
        try (Genja genja = genja(5, show, save)) {
            TaskResults results = genja.run("show");

            assertThat(results.hostResult("h2")).isInstanceOfSatisfying(HostTaskResult.Failed.class, f -> {
                assertThat(f.failure().kind()).isEqualTo(FailureKind.AUTHENTICATION);
                assertThat(f.failure().message()).isEqualTo("permission denied for admin");
                assertThat(f.failure().exceptionType()).isEqualTo(ConnectionException.class.getName());
            });
            assertThat(results.subTask("save").hostResult("h2").isFailed()).isTrue();
            assertThat(results.passedHosts()).containsExactly("h0", "h1", "h3", "h4");
            assertThat(results.summary().unreachable()).isEqualTo(1);
            assertThat(results.summary().failed()).isZero();
            assertThat(started.get()).as("tasks started: 4 hosts x 2 tasks").isEqualTo(8);
            assertThat(mem.connections("h2")).as("one open attempt for both tasks").hasSize(1);
            assertThat(mem.connections("h2").get(0).closes.get()).isEqualTo(1);
        }
    }

    @Test
    void retriesARetryableOpenWithBackoff() {
        AtomicInteger attempts = new AtomicInteger();
        mem.failOpens(key -> key.host().equals("h1") && attempts.incrementAndGet() < 3
                ? new ConnectionException(FailureKind.CONNECTION, "Connection refused", null, true) : null);
        try (Genja genja = genja(2, usingConnection("show"))) {
            TaskResults results = genja.run("show",
                    RunOptions.defaults().retries(2).retryBackoff(Duration.ofMillis(1)));

            assertThat(results.summary().passed()).isEqualTo(2);
            assertThat(attempts.get()).isEqualTo(3);
        }
    }

    @Test
    void givesUpAfterTheRetries() {
        mem.failOpens(key -> key.host().equals("h1")
                ? new ConnectionException(FailureKind.CONNECTION, "Connection refused", null, true) : null);
        try (Genja genja = genja(2, usingConnection("show"))) {
            TaskResults results = genja.run("show",
                    RunOptions.defaults().retries(2).retryBackoff(Duration.ofMillis(1)));

            assertThat(results.hostResult("h1")).isInstanceOfSatisfying(HostTaskResult.Failed.class,
                    f -> assertThat(f.failure().retryable()).isTrue());
            assertThat(mem.connections("h1")).hasSize(3);
        }
    }

    @Test
    void filteredViewsShareConnections() {
        try (Genja genja = genja(3, usingConnection("show"))) {
            genja.filter(Filter.name("h1")).run("show");
            genja.run("show");
            genja.filter(Filter.name("h[12]")).run("show");

            assertThat(mem.opens("h1")).isEqualTo(1);
            assertThat(mem.connections()).hasSize(3);
        }
        assertThat(mem.connections()).allSatisfy(c -> assertThat(c.closes.get()).isEqualTo(1));
    }

    @Test
    void asyncOpenAndCommandsHoldNoThread() throws Exception {
        ExecutorService ioThread = Executors.newSingleThreadExecutor();
        AsyncPlugin plugin = new AsyncPlugin(ioThread);
        PluginManager plugins = new PluginManager().register(plugin);
        TestTask show = TestTask.named("show").plugin("async-mem").asyncBody((host, ctx) ->
                ctx.executeCommandAsync("show clock").thenApply(out -> HostTaskResult.passed(
                        new TaskSuccess().withResult(out))));
        try (Genja genja = Genja.builder(Fixtures.hosts(50)).plugins(plugins)
                .catalog(TaskCatalog.of(List.of(show))).build()) {
            TaskResults results = genja.run("show", RunOptions.defaults().runner("async"));

            assertThat(results.summary().passed()).isEqualTo(50);
            assertThat(results.hostResult("h7")).isInstanceOfSatisfying(HostTaskResult.Passed.class,
                    p -> assertThat(p.success().result()).isEqualTo("h7: show clock"));
            assertThat(plugin.opens.get()).isEqualTo(50);
        } finally {
            ioThread.shutdownNow();
        }
        assertThat(plugin.closes.get()).isEqualTo(50);
    }

    /** A plugin whose opens and commands complete on its own I/O thread. */
    private static final class AsyncPlugin implements io.genja.connection.ConnectionPlugin {
        final ExecutorService ioThread;
        final AtomicInteger opens = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();

        AsyncPlugin(ExecutorService ioThread) {
            this.ioThread = ioThread;
        }

        @Override
        public String name() {
            return "async-mem";
        }

        @Override
        public Connection create(ConnectionKey key) {
            return new Connection() {
                volatile boolean open;

                @Override
                public void open(io.genja.inventory.ResolvedConnectionParams params) {
                    throw new AssertionError("the engine must use openAsync");
                }

                @Override
                public java.util.concurrent.CompletionStage<Void> openAsync(
                        io.genja.inventory.ResolvedConnectionParams params) {
                    return java.util.concurrent.CompletableFuture.runAsync(() -> {
                        opens.incrementAndGet();
                        open = true;
                    }, ioThread);
                }

                @Override
                public java.util.concurrent.CompletionStage<String> executeCommandAsync(String command) {
                    return java.util.concurrent.CompletableFuture.supplyAsync(() -> key.host() + ": " + command,
                            ioThread);
                }

                @Override
                public boolean isAlive() {
                    return open;
                }

                @Override
                public ConnectionKey close() {
                    if (open) {
                        open = false;
                        closes.incrementAndGet();
                    }
                    return key;
                }
            };
        }
    }
}
