package io.genja.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.Genja;
import io.genja.GenjaException;
import io.genja.RunOptions;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RunnerTest {

    @Test
    void tenThousandHostsOnOneHundredWorkersGetExactlyOneResultEach() {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        TestTask count = TestTask.named("count").body((host, ctx) -> {
            calls.computeIfAbsent(host.name(), h -> new AtomicInteger()).incrementAndGet();
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(10_000, count)) {
            TaskResults results = genja.run("count", RunOptions.defaults().runner("threaded").workers(100));

            assertThat(results.hosts()).hasSize(10_000).startsWith("h0", "h1", "h2").endsWith("h9999");
            assertThat(results.hosts()).isEqualTo(genja.hosts().stream().map(h -> h.name()).toList());
            assertThat(results.summary().passed()).isEqualTo(10_000);
            assertThat(calls).hasSize(10_000).allSatisfy((host, n) -> assertThat(n.get()).isEqualTo(1));
        }
    }

    @Test
    void theThreadedRunnerKeepsWorkerCountHostsInFlightTwentyByDefault() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch twenty = new CountDownLatch(20);
        TestTask task = TestTask.named("task").body((host, ctx) -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            twenty.countDown();
            boolean reached = twenty.await(10, TimeUnit.SECONDS);
            inFlight.decrementAndGet();
            return reached ? TestTask.ok() : HostTaskResult.failed(
                    io.genja.task.TaskFailure.of(FailureKind.INTERNAL, "fewer than 20 hosts in flight"));
        });
        try (Genja genja = Fixtures.genja(100, task)) {
            TaskResults results = genja.run("task");

            assertThat(results.summary().passed()).isEqualTo(100);
            assertThat(maxInFlight.get()).isEqualTo(20);
        }
    }

    @Test
    void hostsPastTheirBudgetTimeOutWhileTheOthersPass() {
        Set<String> hanging = Set.of("h3", "h17", "h42", "h60", "h99");
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(hanging.size());
        TestTask work = TestTask.named("work").body((host, ctx) -> {
            if (hanging.contains(host.name())) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            }
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(100, work)) {
            long started = System.nanoTime();
            TaskResults results = genja.run("work", RunOptions.defaults().runner("threaded").workers(10)
                    .timeout(Duration.ofSeconds(1)));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(results.failedHosts()).containsExactlyInAnyOrderElementsOf(hanging);
            for (String host : hanging) {
                assertThat(results.hostResult(host)).isInstanceOfSatisfying(HostTaskResult.Failed.class, f -> {
                    assertThat(f.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
                    assertThat(f.failure().message()).contains(host, "time budget of 1 s");
                });
            }
            assertThat(results.summary().passed()).isEqualTo(95);
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(awaitQuietly(interrupted)).as("the hung tasks were interrupted").isTrue();
        }
    }

    @Test
    @Timeout(60)
    void tasksThatIgnoreInterruptionCannotStarveTheOtherHosts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Set<Thread> stuck = ConcurrentHashMap.newKeySet();
        TestTask stubborn = TestTask.named("stubborn").body((host, ctx) -> {
            if (host.name().equals("h0") || host.name().equals("h1")) {
                stuck.add(Thread.currentThread());
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // This task ignores interruption on purpose.
                    }
                }
            }
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(6, stubborn)) {
            long started = System.nanoTime();
            // Both workers get stuck; the pool must add threads for h2..h5.
            TaskResults results = genja.run("stubborn", RunOptions.defaults().runner("threaded").workers(2)
                    .timeout(Duration.ofMillis(300)));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(results.failedHosts()).containsExactly("h0", "h1");
            assertThat(results.passedHosts()).containsExactly("h2", "h3", "h4", "h5");
        } finally {
            release.countDown();
            for (Thread thread : stuck) {
                thread.join(10_000);
            }
        }
    }

    @Test
    void aCommandHungOnItsConnectionReturnsWhenTheBudgetClosesIt() {
        MemoryPlugin mem = new MemoryPlugin("mem");
        TestTask show = TestTask.named("show").plugin("mem").subTasks("after").body((host, ctx) ->
                HostTaskResult.passed(new TaskSuccess().withResult(
                        ctx.executeCommand(host.name().equals("h1") ? "hang forever" : "show clock"))));
        TestTask after = TestTask.named("after").body((host, ctx) -> TestTask.ok());
        try (Genja genja = Fixtures.genja(3, List.of(show, after), List.of(mem), List.of())) {
            TaskResults results = genja.run("show", RunOptions.defaults().timeout(Duration.ofMillis(300)));

            assertThat(results.hostResult("h1")).isInstanceOfSatisfying(HostTaskResult.Failed.class,
                    f -> assertThat(f.failure().kind()).isEqualTo(FailureKind.TIMEOUT));
            assertThat(results.subTask("after").hostResult("h1")).as("the sub-task that never ran gets TIMEOUT too")
                    .isInstanceOfSatisfying(HostTaskResult.Failed.class,
                            f -> assertThat(f.failure().kind()).isEqualTo(FailureKind.TIMEOUT));
            assertThat(results.passedHosts()).containsExactly("h0", "h2");
            assertThat(results.subTask("after").passedHosts()).containsExactly("h0", "h2");
            assertThat(mem.connections("h1").get(0).closes.get()).isEqualTo(1);

            TaskResults again = genja.filter(io.genja.inventory.Filter.name("h0|h1")).run("show",
                    RunOptions.defaults().timeout(Duration.ofMillis(300)));
            assertThat(mem.opens("h1")).as("the closed connection is opened anew").isEqualTo(2);
            assertThat(again.hostResult("h0").isPassed()).isTrue();
        }
    }

    @Test
    void serialRunsHostsInInventoryOrderOnTheCallingThread() {
        List<String> order = new ArrayList<>();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        TestTask record = TestTask.named("record").body((host, ctx) -> {
            synchronized (order) {
                order.add(host.name());
            }
            threads.add(Thread.currentThread());
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(20, record)) {
            genja.run("record", RunOptions.defaults().runner("serial"));
        }
        assertThat(order).hasSize(20).startsWith("h0", "h1", "h2").endsWith("h19");
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void serialRunsAsyncTasksOneHostAtATimeAndResumesOnTheCallingThread() {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        Set<Thread> resumedOn = ConcurrentHashMap.newKeySet();
        TestTask later = TestTask.named("later").subTasks("after").asyncBody((host, ctx) -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<HostTaskResult> done = new CompletableFuture<>();
            clock.schedule(() -> {
                inFlight.decrementAndGet();
                done.complete(TestTask.ok());
            }, 5, TimeUnit.MILLISECONDS);
            return done;
        });
        TestTask after = TestTask.named("after").body((host, ctx) -> {
            resumedOn.add(Thread.currentThread());
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(10, later, after)) {
            TaskResults results = genja.run("later", RunOptions.defaults().runner("serial"));

            assertThat(results.summary().passed()).isEqualTo(10);
            assertThat(results.subTask("after").summary().passed()).isEqualTo(10);
            assertThat(maxInFlight.get()).isEqualTo(1);
            assertThat(resumedOn).containsExactly(Thread.currentThread());
        } finally {
            clock.shutdownNow();
        }
    }

    @Test
    void asyncTasksKeepThousandsOfHostsInFlightOnAFewThreads() {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        Set<String> startThreads = ConcurrentHashMap.newKeySet();
        TestTask slow = TestTask.named("slow").asyncBody((host, ctx) -> {
            startThreads.add(Thread.currentThread().getName());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<HostTaskResult> done = new CompletableFuture<>();
            clock.schedule(() -> {
                inFlight.decrementAndGet();
                done.complete(TestTask.ok());
            }, 200, TimeUnit.MILLISECONDS);
            return done;
        });
        try (Genja genja = Fixtures.genja(5_000, slow)) {
            long started = System.nanoTime();
            TaskResults results = genja.run("slow", RunOptions.defaults().runner("async"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(results.summary().passed()).isEqualTo(5_000);
            assertThat(maxInFlight.get()).as("hosts in flight at once").isGreaterThanOrEqualTo(1_000);
            assertThat(startThreads).as("threads that started tasks")
                    .hasSizeLessThanOrEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()))
                    .allSatisfy(name -> assertThat(name).startsWith("genja-async-"));
            assertThat(took).as("5,000 x 200 ms one after another would take 1,000 s")
                    .isLessThan(Duration.ofSeconds(30));
        } finally {
            clock.shutdownNow();
        }
    }

    @Test
    void subTasksRunInDeclaredOrderParentFirst() {
        Map<String, List<String>> order = new ConcurrentHashMap<>();
        List<TestTask> tasks = new ArrayList<>();
        for (String[] spec : List.of(new String[] {"root", "a", "b"}, new String[] {"a", "a1", "a2"},
                new String[] {"b"}, new String[] {"a1", "deep"}, new String[] {"a2"}, new String[] {"deep"})) {
            String name = spec[0];
            tasks.add(TestTask.named(name).subTasks(List.of(spec).subList(1, spec.length).toArray(String[]::new))
                    .body((host, ctx) -> {
                        order.computeIfAbsent(host.name(), h -> new ArrayList<>())
                                .add(name + "@" + ctx.task().depth());
                        return TestTask.ok();
                    }));
        }
        try (Genja genja = Fixtures.genja(30, List.copyOf(tasks), List.of(), List.of())) {
            TaskResults results = genja.run("root", RunOptions.defaults().workers(6));
            assertThat(order).hasSize(30).allSatisfy((host, steps) -> assertThat(steps)
                    .containsExactly("root@0", "a@1", "a1@2", "deep@3", "a2@2", "b@1"));
            assertThat(results.subTask("a").subTask("a1").subTask("deep").summary().passed()).isEqualTo(30);
            assertThat(results.subTasks().keySet()).containsExactly("a", "b");

            order.clear();
            TaskResults shallow = genja.run("root", RunOptions.defaults().maxDepth(1));
            assertThat(order.get("h0")).containsExactly("root@0", "a@1", "b@1");
            assertThat(shallow.subTask("a").subTasks()).isEmpty();

            order.clear();
            genja.run("root", RunOptions.defaults().maxDepth(0));
            assertThat(order.get("h0")).containsExactly("root@0");
        }
    }

    @Test
    void aHostsSynchronousTasksRunInlineOnOneThreadWithoutAHop() {
        Map<String, Set<String>> threads = new ConcurrentHashMap<>();
        List<TestTask> tasks = new ArrayList<>();
        for (String[] spec : List.of(new String[] {"root", "a", "b"}, new String[] {"a"}, new String[] {"b"})) {
            tasks.add(TestTask.named(spec[0]).subTasks(List.of(spec).subList(1, spec.length).toArray(String[]::new))
                    .body((host, ctx) -> {
                        threads.computeIfAbsent(host.name(), h -> ConcurrentHashMap.newKeySet())
                                .add(Thread.currentThread().getName());
                        return TestTask.ok();
                    }));
        }
        try (Genja genja = Fixtures.genja(200, List.copyOf(tasks), List.of(), List.of())) {
            TaskResults results = genja.run("root", RunOptions.defaults().runner("threaded").workers(8)
                    .timeout(Duration.ofSeconds(30)));

            assertThat(results.subTask("b").summary().passed()).isEqualTo(200);
            assertThat(threads).hasSize(200).allSatisfy((host, names) -> assertThat(names).hasSize(1));
        }
    }

    @Test
    void subTasksOfAFailedParentRunByDefaultAndAreSkippedOnRequest() {
        AtomicInteger subRuns = new AtomicInteger();
        TestTask parent = TestTask.named("parent").subTasks("child").body((host, ctx) -> {
            if (host.name().equals("h1")) {
                throw new TaskException(FailureKind.COMMAND, "% Invalid input detected");
            }
            return TestTask.ok();
        });
        TestTask child = TestTask.named("child").subTasks("grandchild").body((host, ctx) -> {
            subRuns.incrementAndGet();
            return TestTask.ok();
        });
        TestTask grandchild = TestTask.named("grandchild").body((host, ctx) -> {
            subRuns.incrementAndGet();
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(3, parent, child, grandchild)) {
            TaskResults byDefault = genja.run("parent");
            assertThat(subRuns.get()).isEqualTo(6);
            assertThat(byDefault.subTask("child").hostResult("h1").isPassed()).isTrue();
            assertThat(byDefault.hostResult("h1")).isInstanceOfSatisfying(HostTaskResult.Failed.class, f -> {
                assertThat(f.failure().kind()).isEqualTo(FailureKind.COMMAND);
                assertThat(f.failure().message()).isEqualTo("% Invalid input detected");
            });

            subRuns.set(0);
            TaskResults skipping = genja.run("parent", RunOptions.defaults().skipSubTasksOnFailure(true));
            assertThat(subRuns.get()).isEqualTo(4);
            TaskResults skippedChild = skipping.subTask("child");
            for (TaskResults sub : List.of(skippedChild, skippedChild.subTask("grandchild"))) {
                assertThat(sub.hostResult("h1")).isInstanceOfSatisfying(HostTaskResult.Skipped.class,
                        s -> assertThat(s.skip().reason()).isEqualTo("parent failed"));
                assertThat(sub.passedHosts()).containsExactly("h0", "h2");
            }
        }
    }

    @Test
    void retriesRetryableFailuresOnly() {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        TestTask flaky = TestTask.named("flaky").body((host, ctx) -> {
            int attempt = attempts.computeIfAbsent(host.name(), h -> new AtomicInteger()).incrementAndGet();
            if (host.name().equals("h0") && attempt < 3) {
                throw new TaskException(FailureKind.CONNECTION, "Connection reset", null, true);
            }
            if (host.name().equals("h1")) {
                throw new TaskException(FailureKind.COMMAND, "syntax error");
            }
            if (host.name().equals("h2") && attempt < 2) {
                throw new TaskException(FailureKind.TIMEOUT, "no prompt within 10 s");
            }
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(3, flaky)) {
            TaskResults results = genja.run("flaky",
                    RunOptions.defaults().retries(3).retryBackoff(Duration.ofMillis(2)));

            assertThat(results.hostResult("h0").isPassed()).isTrue();
            assertThat(attempts.get("h0").get()).isEqualTo(3);
            assertThat(results.hostResult("h1").isFailed()).isTrue();
            assertThat(attempts.get("h1").get()).as("a non-retryable failure is not retried").isEqualTo(1);
            assertThat(results.hostResult("h2").isPassed()).as("timeouts are retryable").isTrue();
            assertThat(attempts.get("h2").get()).isEqualTo(2);
        }
    }

    @Test
    void failedHostsAreRememberedButRunAgainUnlessSkipped() {
        AtomicReference<Boolean> h1Fails = new AtomicReference<>(true);
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        TestTask task = TestTask.named("task").subTasks("sub").body((host, ctx) -> {
            runs.computeIfAbsent(host.name(), h -> new AtomicInteger()).incrementAndGet();
            if (host.name().equals("h1") && h1Fails.get()) {
                throw new IllegalStateException("boom");
            }
            return TestTask.ok();
        });
        TestTask sub = TestTask.named("sub");
        try (Genja genja = Fixtures.genja(3, task, sub)) {
            TaskResults first = genja.run("task");
            assertThat(first.hostResult("h1")).isInstanceOfSatisfying(HostTaskResult.Failed.class, f -> {
                assertThat(f.failure().kind()).isEqualTo(FailureKind.EXTERNAL);
                assertThat(f.failure().exceptionType()).isEqualTo(IllegalStateException.class.getName());
            });
            assertThat(genja.failedHosts()).containsExactly("h1");
            Genja view = genja.filter(io.genja.inventory.Filter.name("h[01]"));
            assertThat(view.failedHosts()).as("shared with filtered views").containsExactly("h1");

            genja.run("task");
            assertThat(runs.get("h1").get()).as("every run covers every selected host by default").isEqualTo(2);

            TaskResults skipping = view.run("task", RunOptions.defaults().skipFailedHosts(true));
            assertThat(runs.get("h1").get()).isEqualTo(2);
            for (TaskResults node : List.of(skipping, skipping.subTask("sub"))) {
                assertThat(node.hostResult("h1")).isInstanceOfSatisfying(HostTaskResult.Skipped.class,
                        s -> assertThat(s.skip().reason()).isEqualTo("failed earlier"));
            }
            assertThat(skipping.passedHosts()).containsExactly("h0");

            h1Fails.set(false);
            assertThat(view.recoverHost("h1")).isTrue();
            assertThat(genja.failedHosts()).isEmpty();
            assertThat(view.run("task", RunOptions.defaults().skipFailedHosts(true)).passedHosts())
                    .containsExactly("h0", "h1");

            h1Fails.set(true);
            genja.run("task");
            genja.resetFailedHosts();
            assertThat(genja.failedHosts()).isEmpty();
        }
    }

    @Test
    void dryRunReachesTasks() {
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        TestTask task = TestTask.named("task").declaringDryRun().body((host, ctx) -> {
            seen.put(host.name(), ctx.task().dryRun());
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(2, task)) {
            genja.run("task", RunOptions.defaults().dryRun(true));
            assertThat(seen).containsOnly(Map.entry("h0", true), Map.entry("h1", true));
            genja.run("task");
            assertThat(seen).containsOnly(Map.entry("h0", false), Map.entry("h1", false));
        }
    }

    @Test
    void aDryRunRefusesATaskTreeWithATaskThatDoesNotDeclareItBeforeAnyHostIsTouched() {
        AtomicInteger runs = new AtomicInteger();
        TestTask.Body counting = (host, ctx) -> {
            runs.incrementAndGet();
            return TestTask.ok();
        };
        TestTask parent = TestTask.named("parent").declaringDryRun().subTasks("careful", "reckless", "blunt")
                .body(counting);
        TestTask careful = TestTask.named("careful").declaringDryRun().body(counting);
        TestTask reckless = TestTask.named("reckless").body(counting);
        TestTask blunt = TestTask.named("blunt").body(counting);
        try (Genja genja = Fixtures.genja(3, parent, careful, reckless, blunt)) {
            assertThatThrownBy(() -> genja.run("reckless", RunOptions.defaults().dryRun(true)))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageStartingWith("dry run refused for task \"reckless\": task \"reckless\" does not"
                            + " declare @GenjaTask(supportsDryRun = true)")
                    .hasMessageContaining("no host was touched");
            assertThatThrownBy(() -> genja.run("parent", RunOptions.defaults().dryRun(true)))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageStartingWith("dry run refused for task \"parent\": tasks \"reckless\", \"blunt\""
                            + " do not declare");
            assertThat(runs).hasValue(0);
            assertThat(genja.failedHosts()).isEmpty();

            // sub-tasks cut off by the depth limit do not run, so they do not count
            assertThat(genja.run("parent", RunOptions.defaults().dryRun(true).maxDepth(0)).summary().passed())
                    .isEqualTo(3);
            assertThat(genja.run("careful", RunOptions.defaults().dryRun(true)).summary().passed()).isEqualTo(3);
            // without a dry run, nothing is refused
            assertThat(genja.run("parent").summary().passed()).isEqualTo(3);
        }
    }

    @Test
    void anUnknownRunnerFailsBeforeAnyHostIsTouched() {
        AtomicInteger runs = new AtomicInteger();
        TestTask task = TestTask.named("task").body((host, ctx) -> {
            runs.incrementAndGet();
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(2, task)) {
            assertThatThrownBy(() -> genja.run("task", RunOptions.defaults().runner("parallel")))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageContaining("unknown runner \"parallel\"")
                    .hasMessageContaining("async, serial, threaded");
        }
        assertThat(runs.get()).isZero();
    }

    @Test
    void anInterruptedRunStillHasAResultForEveryHost() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch never = new CountDownLatch(1);
        TestTask block = TestTask.named("block").subTasks("sub").body((host, ctx) -> {
            started.countDown();
            never.await();
            return TestTask.ok();
        });
        TestTask sub = TestTask.named("sub");
        try (Genja genja = Fixtures.genja(10, block, sub)) {
            AtomicReference<TaskResults> results = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                results.set(genja.run("block", RunOptions.defaults().workers(2)));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            caller.join(10_000);

            assertThat(caller.isAlive()).isFalse();
            assertThat(stillInterrupted.get()).isTrue();
            assertThat(results.get().hosts()).hasSize(10);
            assertThat(results.get().byHost().values()).allSatisfy(r -> assertThat(r.isFailed()).isTrue());
            assertThat(results.get().subTask("sub").byHost()).hasSize(10);
        }
    }

    @Test
    void noThreadOfARunRemainsAndAClosedGenjaRefusesToRun() {
        TestTask task = TestTask.named("task");
        Genja genja = Fixtures.genja(50, task);
        genja.run("task", RunOptions.defaults().runner("threaded").timeout(Duration.ofSeconds(5)));
        genja.run("task", RunOptions.defaults().runner("async").retries(1));
        genja.close();

        assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName)).noneMatch(name -> name.startsWith("genja-"));
        assertThatThrownBy(() -> genja.run("task")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
