package io.genja.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.Genja;
import io.genja.GenjaException;
import io.genja.RunOptions;
import io.genja.connection.ConnectionException;
import io.genja.inventory.Attributes;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.plugin.PluginManager;
import io.genja.rollout.Batch;
import io.genja.rollout.BatchOutcome;
import io.genja.rollout.HostOrder;
import io.genja.rollout.Rollout;
import io.genja.settings.Settings;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskException;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskResults;
import io.genja.testing.Fixtures;
import io.genja.testing.MemoryPlugin;
import io.genja.testing.TestTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rollouts over in-memory hosts: batch boundaries, failure thresholds, throttles, order. */
@Timeout(60)
class RolloutRunTest {

    /** Records batch and host hooks in the order they happen. */
    static final class BatchRecorder implements TaskProcessor {
        final Queue<String> events = new ConcurrentLinkedQueue<>();
        final List<BatchOutcome> outcomes = new ArrayList<>();

        @Override
        public String name() {
            return "batch-recorder";
        }

        @Override
        public void onBatchStart(TaskInfo task, Batch batch) {
            events.add("batchStart " + batch.number() + "/" + batch.count() + " " + batch.hosts().size());
        }

        @Override
        public void onBatchFinish(TaskInfo task, Batch batch, BatchOutcome outcome) {
            outcomes.add(outcome);
            events.add("batchFinish " + batch.number());
        }

        @Override
        public void onHostStart(TaskInfo task, Host host) {
            events.add("hostStart " + host.name());
        }

        @Override
        public HostTaskResult onHostFinish(TaskInfo task, Host host, HostTaskResult result) {
            events.add("hostFinish " + host.name());
            return result;
        }
    }

    @Test
    void eachBatchEndsBeforeTheNextStartsAndHooksSeeTheBoundaries() {
        BatchRecorder recorder = new BatchRecorder();
        TaskResults results;
        try (Genja genja = Fixtures.genja(20, TestTask.named("t"))) {
            results = genja.run("t", RunOptions.defaults().runner("threaded").workers(8).batches("1", "25%", "100%")
                    .processor(recorder));
        }
        assertThat(results.passedHosts()).hasSize(20);
        List<String> events = List.copyOf(recorder.events);
        assertThat(events.stream().filter(e -> e.startsWith("batch")))
                .containsExactly("batchStart 1/3 1", "batchFinish 1", "batchStart 2/3 5", "batchFinish 2",
                        "batchStart 3/3 14", "batchFinish 3");
        // h0 alone, then h1..h5, then the rest: every host's hooks lie inside its own batch
        assertThat(events.subList(0, 4)).containsExactly("batchStart 1/3 1", "hostStart h0", "hostFinish h0",
                "batchFinish 1");
        List<String> second = events.subList(events.indexOf("batchStart 2/3 5") + 1, events.indexOf("batchFinish 2"));
        assertThat(second).hasSize(10).allMatch(e -> e.matches("host(Start|Finish) h[1-5]"));
    }

    @Test
    void moreFailedThanTheMaximumPercentageStopsAfterTheBatchButExactlyTheMaximumDoesNot() {
        Set<String> failingHosts = ConcurrentHashMap.newKeySet();
        TestTask failing = TestTask.named("t").body((host, context) -> {
            if (failingHosts.contains(host.name())) {
                throw new TaskException(FailureKind.COMMAND, "% Invalid input");
            }
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(20, failing)) {
            failingHosts.add("h0");
            TaskResults tenPercent = genja.run("t", RunOptions.defaults().batches("10").maxFailPercentage(10));
            assertThat(tenPercent.skippedHosts()).as("1 of 10 is not more than 10%").isEmpty();

            failingHosts.add("h1");
            BatchRecorder recorder = new BatchRecorder();
            TaskResults results = genja.run("t", RunOptions.defaults().batches("10").maxFailPercentage(10)
                    .processor(recorder));
            assertThat(results.failedHosts()).containsExactly("h0", "h1");
            assertThat(results.passedHosts()).hasSize(8);
            assertThat(results.skippedHosts()).hasSize(10).contains("h10", "h19");
            HostTaskResult.Skipped skipped = (HostTaskResult.Skipped) results.hostResult("h10");
            assertThat(skipped.skip().reason()).isEqualTo(Run.ROLLOUT_STOPPED);
            assertThat(skipped.skip().message()).isEqualTo("after batch 1 of 2 (10 hosts), 2 of 10 hosts failed "
                    + "(20%): more than max_fail_percentage 10%");
            assertThat(recorder.outcomes).hasSize(1);
            assertThat(recorder.outcomes.get(0).failedHosts()).containsExactly("h0", "h1");
            assertThat(recorder.outcomes.get(0).stopReason()).contains(skipped.skip().message());
        }
    }

    @Test
    void anyErrorsFatalStopsAtTheFirstFailureAlsoWithinItsBatch() {
        TestTask failing = TestTask.named("t").body((host, context) -> {
            if (host.name().equals("h3")) {
                throw new TaskException(FailureKind.COMMAND, "rejected");
            }
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(10, failing)) {
            TaskResults results = genja.run("t", RunOptions.defaults().runner("serial").anyErrorsFatal(true));
            assertThat(results.passedHosts()).containsExactly("h0", "h1", "h2");
            assertThat(results.failedHosts()).containsExactly("h3");
            assertThat(results.skippedHosts()).containsExactly("h4", "h5", "h6", "h7", "h8", "h9");
            assertThat(((HostTaskResult.Skipped) results.hostResult("h9")).skip().message())
                    .isEqualTo("in batch 1 of 1, h3 failed: any_errors_fatal is set");
        }
    }

    @Test
    void aBatchInWhichEveryHostFailedStopsTheRolloutAsAnsibleDoes() {
        TestTask failing = TestTask.named("t").body((host, context) -> {
            throw new TaskException(FailureKind.COMMAND, "no");
        });
        try (Genja genja = Fixtures.genja(5, failing)) {
            TaskResults results = genja.run("t", RunOptions.defaults().batches("2"));
            assertThat(results.failedHosts()).containsExactly("h0", "h1");
            assertThat(((HostTaskResult.Skipped) results.hostResult("h4")).skip().message())
                    .isEqualTo("after batch 1 of 3 (2 hosts), every host failed (2 of 2 hosts failed)");
        }
    }

    @Test
    void unreachableHostsCountAsFailedUnlessTheRolloutIgnoresThem() {
        MemoryPlugin mem = new MemoryPlugin("mem").failOpens(key -> key.host().equals("h0")
                ? new ConnectionException(FailureKind.CONNECTION, "connection refused") : null);
        TestTask task = TestTask.named("t").plugin("mem");
        try (Genja genja = Fixtures.genja(4, List.of(task), List.of(mem), List.of())) {
            TaskResults counted = genja.run("t", RunOptions.defaults().batches("1").maxFailPercentage(0));
            assertThat(counted.unreachableHosts()).containsExactly("h0");
            assertThat(counted.skippedHosts()).containsExactly("h1", "h2", "h3");

            TaskResults ignored = genja.run("t", RunOptions.defaults().batches("1").maxFailPercentage(0)
                    .ignoreUnreachable(true));
            assertThat(ignored.skippedHosts()).isEmpty();
            assertThat(ignored.passedHosts()).containsExactly("h1", "h2", "h3");
        }
    }

    @Test
    void aThrottleCapsRunningHostsPerSiteAndClosesTheirConnectionsWhenTheyFinish() throws Exception {
        Inventory.Builder builder = Inventory.builder();
        for (int i = 0; i < 40; i++) {
            builder.host("h" + i, Attributes.builder().data("site", "s" + i % 4).build());
        }
        int[] running = new int[4];
        int[] peak = new int[4];
        MemoryPlugin mem = new MemoryPlugin("mem");
        TestTask task = TestTask.named("t").plugin("mem").body((host, context) -> {
            int site = Integer.parseInt(String.valueOf(host.data("site").orElseThrow()).substring(1));
            synchronized (running) {
                running[site]++;
                peak[site] = Math.max(peak[site], running[site]);
                // hold on until two of the site ran at once (bounded): proves the cap is reached, not only respected
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (peak[site] < 2 && System.nanoTime() < deadline) {
                    running.wait(100);
                }
                running.notifyAll();
            }
            context.executeCommand("show clock");
            synchronized (running) {
                running[site]--;
            }
            return TestTask.ok();
        });
        PluginManager plugins = new PluginManager().register(mem);
        try (Genja genja = Genja.builder(builder.build()).plugins(plugins).catalog(TaskCatalog.of(List.of(task)))
                .build()) {
            TaskResults results = genja.run("t", RunOptions.defaults().workers(20).throttle("site", 2));
            assertThat(results.passedHosts()).hasSize(40);
            assertThat(peak).containsExactly(2, 2, 2, 2);
            // closed when each host finished, before Genja.close()
            assertThat(mem.connections()).hasSize(40).allMatch(connection -> connection.closes.get() == 1);
        }
    }

    @Test
    void theSettingsRolloutAppliesWhereTheRunSetsNothing() {
        BatchRecorder recorder = new BatchRecorder();
        Settings settings = Settings.defaults().withRollout(Rollout.defaults().batches("2")
                .order(HostOrder.REVERSE_SORTED));
        PluginManager plugins = new PluginManager();
        try (Genja genja = Genja.builder(Fixtures.hosts(3)).settings(settings).plugins(plugins)
                .catalog(TaskCatalog.of(List.of(TestTask.named("t")))).build()) {
            genja.run("t", RunOptions.defaults().runner("serial").processor(recorder));
            genja.run("t", RunOptions.defaults().runner("serial").order(HostOrder.INVENTORY).processor(recorder));
        }
        assertThat(recorder.events.stream().filter(e -> e.startsWith("hostStart")).toList())
                .containsExactly("hostStart h2", "hostStart h1", "hostStart h0",
                        "hostStart h0", "hostStart h1", "hostStart h2");
        assertThat(recorder.events).filteredOn(e -> e.startsWith("batchStart")).hasSize(4);
    }

    @Test
    void aShuffleWithoutASeedGetsOneThatHooksSeeAndThatReplaysTheOrder() {
        BatchRecorder first = new BatchRecorder();
        AtomicInteger batches = new AtomicInteger();
        long[] seed = new long[1];
        TaskProcessor seedReader = new TaskProcessor() {
            @Override
            public String name() {
                return "seed";
            }

            @Override
            public void onBatchStart(TaskInfo task, Batch batch) {
                batches.incrementAndGet();
                seed[0] = batch.rollout().seed().orElseThrow();
            }
        };
        BatchRecorder replay = new BatchRecorder();
        try (Genja genja = Fixtures.genja(30, TestTask.named("t"))) {
            genja.run("t", RunOptions.defaults().runner("serial").order(HostOrder.SHUFFLE).processor(first)
                    .processor(seedReader));
            genja.run("t", RunOptions.defaults().runner("serial").order(HostOrder.SHUFFLE).seed(seed[0])
                    .processor(replay));
        }
        assertThat(batches).hasValue(1);
        assertThat(List.copyOf(replay.events)).isEqualTo(List.copyOf(first.events));
    }

    @Test
    void aThrottleOnSomethingNoHostHasFailsBeforeAnyHostIsTouched() {
        Set<String> touched = ConcurrentHashMap.newKeySet();
        Inventory inventory = Inventory.builder()
                .group("core", Attributes.builder().build())
                .host("r1", Attributes.builder().data("site", "a").groups("core").build())
                .build();
        TestTask task = TestTask.named("t").body((host, context) -> {
            touched.add(host.name());
            return TestTask.ok();
        });
        try (Genja genja = Genja.builder(inventory).plugins(new PluginManager())
                .catalog(TaskCatalog.of(List.of(task))).build()) {
            assertThatThrownBy(() -> genja.run("t", RunOptions.defaults().throttle("stie", 2)))
                    .isInstanceOf(GenjaException.class)
                    .hasMessage("throttle stie=2: no host has data \"stie\"; did you mean \"site\"? (data keys: site; "
                            + "a group is written group:NAME)");
            assertThatThrownBy(() -> genja.run("t", RunOptions.defaults().throttle("group:cor", 1)))
                    .hasMessageContaining("names group \"cor\", which the inventory does not have; did you mean "
                            + "\"core\"?");
        }
        assertThat(touched).isEmpty();
    }
}
