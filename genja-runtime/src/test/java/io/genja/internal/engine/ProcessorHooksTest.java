package io.genja.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.inventory.Host;
import io.genja.task.HookError;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskResults;
import io.genja.task.TaskSkip;
import io.genja.testing.Fixtures;
import io.genja.testing.TestTask;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProcessorHooksTest {

    /** Records every hook as {@code hook:task@host}. */
    static final class Recorder implements TaskProcessor {
        final String name;
        final Queue<String> events = new ConcurrentLinkedQueue<>();
        final AtomicReference<TaskResults> finished = new AtomicReference<>();

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void onTaskStart(TaskInfo task, List<Host> hosts) {
            events.add("taskStart:" + task.name() + "/" + hosts.size());
        }

        @Override
        public void onHostStart(TaskInfo task, Host host) {
            events.add("hostStart:" + task.name() + "@" + host.name());
        }

        @Override
        public HostTaskResult onHostFinish(TaskInfo task, Host host, HostTaskResult result) {
            events.add("hostFinish:" + task.name() + "@" + host.name());
            return result;
        }

        @Override
        public void onSubTaskStart(TaskInfo subTask, Host host) {
            events.add("subStart:" + subTask.name() + "@" + host.name());
        }

        @Override
        public void onSubTaskFinish(TaskInfo subTask, Host host, HostTaskResult result) {
            events.add("subFinish:" + subTask.name() + "@" + host.name());
        }

        @Override
        public void onTaskFinish(TaskInfo task, TaskResults results) {
            finished.set(results);
            events.add("taskFinish:" + task.name());
        }

        List<String> forHost(String host) {
            return events.stream().filter(e -> e.endsWith("@" + host)).toList();
        }
    }

    @Test
    void hooksFireInTheDefinedOrderWithSubTasksAndConcurrentHosts() throws Exception {
        Recorder audit = new Recorder("audit");
        Queue<String> ran = new ConcurrentLinkedQueue<>();
        CountDownLatch concurrent = new CountDownLatch(4);
        TestTask root = TestTask.named("root").processors("audit").subTasks("a", "b").body((host, ctx) -> {
            audit.events.add("run:root@" + host.name());
            // Four hosts must be inside the task at once: proves the hooks below ran on concurrent hosts.
            concurrent.countDown();
            concurrent.await(10, TimeUnit.SECONDS);
            ran.add(host.name());
            return TestTask.ok();
        });
        TestTask a = TestTask.named("a").subTasks("a1").body((host, ctx) -> {
            audit.events.add("run:a@" + host.name());
            return TestTask.ok();
        });
        TestTask a1 = TestTask.named("a1").body((host, ctx) -> {
            audit.events.add("run:a1@" + host.name());
            return TestTask.ok();
        });
        TestTask b = TestTask.named("b").body((host, ctx) -> {
            audit.events.add("run:b@" + host.name());
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(40, List.of(root, a, a1, b), List.of(), List.of(audit))) {
            TaskResults results = genja.run("root", RunOptions.defaults().runner("threaded").workers(8));

            assertThat(concurrent.getCount()).isZero();
            List<String> events = List.copyOf(audit.events);
            assertThat(events.get(0)).isEqualTo("taskStart:root/40");
            assertThat(events.get(events.size() - 1)).isEqualTo("taskFinish:root");
            for (int i = 0; i < 40; i++) {
                String h = "@h" + i;
                assertThat(audit.forHost("h" + i)).containsExactly("hostStart:root" + h, "run:root" + h,
                        "subStart:a" + h, "run:a" + h, "subStart:a1" + h, "run:a1" + h, "subFinish:a1" + h,
                        "subFinish:a" + h, "subStart:b" + h, "run:b" + h, "subFinish:b" + h, "hostFinish:root" + h);
            }
            assertThat(audit.finished.get().summary().passed()).isEqualTo(40);
            assertThat(results.hookErrors()).isEmpty();
        }
    }

    @Test
    void aThrowingHookIsRecordedAndTheRunGoesOn() {
        TaskProcessor broken = new TaskProcessor() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void onHostStart(TaskInfo task, Host host) {
                if (host.name().equals("h1")) {
                    throw new IllegalStateException("cannot write audit log");
                }
            }

            @Override
            public void onTaskFinish(TaskInfo task, TaskResults results) {
                throw new UnsupportedOperationException();
            }
        };
        TestTask task = TestTask.named("task").processors("broken");
        try (Genja genja = Fixtures.genja(3, List.of(task), List.of(), List.of(broken))) {
            TaskResults results = genja.run("task");

            assertThat(results.summary().passed()).isEqualTo(3);
            assertThat(results.hookErrors()).containsExactly(
                    new HookError("broken", "onHostStart", "task", "h1", IllegalStateException.class.getName(),
                            "cannot write audit log"),
                    new HookError("broken", "onTaskFinish", "task", null,
                            UnsupportedOperationException.class.getName(), "UnsupportedOperationException"));
            assertThat(results.toJson()).contains("\"hook\":\"onHostStart\"", "cannot write audit log");
        }
    }

    @Test
    void onHostFinishMayReplaceTheResultAndRunOptionsAddProcessors() {
        TaskProcessor maintenance = new TaskProcessor() {
            @Override
            public String name() {
                return "maintenance";
            }

            @Override
            public HostTaskResult onHostFinish(TaskInfo task, Host host, HostTaskResult result) {
                return host.name().equals("h0") ? HostTaskResult.skipped(TaskSkip.of("maintenance window")) : result;
            }
        };
        Recorder progress = new Recorder("progress");
        TestTask task = TestTask.named("task").processors("maintenance").subTasks("sub");
        TestTask sub = TestTask.named("sub");
        try (Genja genja = Fixtures.genja(2, List.of(task, sub), List.of(), List.of(maintenance))) {
            TaskResults results = genja.run("task", RunOptions.defaults().processor(progress));

            assertThat(results.hostResult("h0")).isInstanceOfSatisfying(HostTaskResult.Skipped.class,
                    s -> assertThat(s.skip().reason()).isEqualTo("maintenance window"));
            assertThat(results.hostResult("h1").isPassed()).isTrue();
            assertThat(progress.forHost("h0")).containsExactly("hostStart:task@h0", "subStart:sub@h0",
                    "subFinish:sub@h0", "hostFinish:task@h0");
        }
    }

    @Test
    void aSubTasksOwnProcessorsSeeItsSubTaskHooks() {
        Recorder own = new Recorder("own");
        TestTask task = TestTask.named("task").subTasks("sub");
        TestTask sub = TestTask.named("sub").processors("own");
        try (Genja genja = Fixtures.genja(1, List.of(task, sub), List.of(), List.of(own))) {
            genja.run("task");
            assertThat(own.events).containsExactly("subStart:sub@h0", "subFinish:sub@h0");
        }
    }

    @Test
    void skippedWorkGetsNoHooks() {
        Recorder audit = new Recorder("audit");
        TestTask task = TestTask.named("task").processors("audit").subTasks("sub").body((host, ctx) -> {
            if (host.name().equals("h1")) {
                throw new IllegalStateException("boom");
            }
            return TestTask.ok();
        });
        TestTask sub = TestTask.named("sub");
        try (Genja genja = Fixtures.genja(2, List.of(task, sub), List.of(), List.of(audit))) {
            genja.run("task", RunOptions.defaults().skipSubTasksOnFailure(true));
            assertThat(audit.forHost("h1")).containsExactly("hostStart:task@h1", "hostFinish:task@h1");

            audit.events.clear();
            TaskResults again = genja.run("task", RunOptions.defaults().skipFailedHosts(true));
            assertThat(audit.forHost("h1")).isEmpty();
            assertThat(audit.forHost("h0")).hasSize(4);
            assertThat(again.hostResult("h1").isSkipped()).isTrue();
        }
    }

    @Test
    void aTimedOutHostStillGetsItsFinishHooks() {
        Recorder audit = new Recorder("audit");
        CountDownLatch never = new CountDownLatch(1);
        TestTask task = TestTask.named("task").processors("audit").subTasks("stuck", "after");
        TestTask stuck = TestTask.named("stuck").body((host, ctx) -> {
            never.await();
            return TestTask.ok();
        });
        TestTask after = TestTask.named("after");
        try (Genja genja = Fixtures.genja(1, List.of(task, stuck, after), List.of(), List.of(audit))) {
            genja.run("task", RunOptions.defaults().timeout(java.time.Duration.ofMillis(200)));
            assertThat(audit.forHost("h0")).containsExactly("hostStart:task@h0", "subStart:stuck@h0",
                    "subFinish:stuck@h0", "hostFinish:task@h0");
        }
    }
}
