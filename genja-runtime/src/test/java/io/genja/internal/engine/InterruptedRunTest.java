package io.genja.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.Genja;
import io.genja.RunOptions;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskException;
import io.genja.task.TaskFailure;
import io.genja.task.TaskResults;
import io.genja.testing.Fixtures;
import io.genja.testing.TestTask;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The interrupted path ({@code genja run} takes it on Ctrl-C): hosts that finished keep their results, the others get
 * one {@code INTERRUPTED} failure per node that says whether the task had started there.
 */
class InterruptedRunTest {

    private static final String NOT_STARTED = "the run was interrupted before this task started on this host";
    private static final String NOT_FINISHED = "the run was interrupted before this task finished on this host";

    @Test
    void finishedHostsKeepTheirResultsAndTheOthersAreInterruptedWithTheThreadedRunner() throws Exception {
        Set<String> blocking = Set.of("h4", "h5");
        CountDownLatch blocked = new CountDownLatch(blocking.size());
        CountDownLatch never = new CountDownLatch(1);
        TestTask task = TestTask.named("task").subTasks("sub").body((host, ctx) -> {
            if (blocking.contains(host.name())) {
                blocked.countDown();
                never.await();
            }
            return TestTask.ok();
        });
        try (Genja genja = Fixtures.genja(10, task, TestTask.named("sub"))) {
            TaskResults results = interruptWhen(blocked, () -> genja.run("task", RunOptions.defaults().workers(2)));

            for (String host : results.hosts()) {
                int number = Integer.parseInt(host.substring(1));
                HostTaskResult root = results.hostResult(host);
                HostTaskResult sub = results.subTask("sub").hostResult(host);
                if (number < 4) {
                    assertThat(root.isPassed()).as(host).isTrue();
                    assertThat(sub.isPassed()).as(host).isTrue();
                } else if (number < 6) {
                    assertThat(failure(root)).as(host).isEqualTo(FailureKind.INTERRUPTED + ": " + NOT_FINISHED);
                    assertThat(root.duration()).as(host).isPositive();
                    assertThat(failure(sub)).as(host).isEqualTo(FailureKind.INTERRUPTED + ": " + NOT_STARTED);
                } else {
                    assertThat(failure(root)).as(host).isEqualTo(FailureKind.INTERRUPTED + ": " + NOT_STARTED);
                    assertThat(root.duration()).as(host).isZero();
                    assertThat(failure(sub)).as(host).isEqualTo(FailureKind.INTERRUPTED + ": " + NOT_STARTED);
                }
            }
            assertThat(results.summary().passed()).isEqualTo(4);
            assertThat(results.summary().failed()).isEqualTo(6);
        }
    }

    /**
     * The serial runner runs hosts on the calling thread, so the interrupt lands in the middle of a host's command,
     * which fails as a plugin reports it ({@code TIMEOUT}, retryable): the run records it as interrupted, does not
     * retry it, and goes on with no other host.
     */
    @Test
    void withTheSerialRunnerTheHostInFlightIsInterruptedNotTimedOutNorRetried() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        TestTask task = TestTask.named("task").body((host, ctx) -> {
            if (!host.name().equals("h1")) {
                return TestTask.ok();
            }
            attempts.incrementAndGet();
            blocked.countDown();
            try {
                never.await();
                return TestTask.ok();
            } catch (InterruptedException e) {
                // As genja-ssh does: keep the flag, report the wait as a retryable timeout.
                Thread.currentThread().interrupt();
                throw new TaskException(FailureKind.TIMEOUT, "interrupted while waiting for the command", e, true);
            }
        });
        try (Genja genja = Fixtures.genja(5, task)) {
            TaskResults results = interruptWhen(blocked, () -> genja.run("task",
                    RunOptions.defaults().runner("serial").retries(3).retryBackoff(Duration.ofMillis(1))));

            assertThat(results.hostResult("h0").isPassed()).isTrue();
            assertThat(failure(results.hostResult("h1"))).isEqualTo(FailureKind.INTERRUPTED + ": " + NOT_FINISHED);
            for (String host : new String[] {"h2", "h3", "h4"}) {
                assertThat(failure(results.hostResult(host))).as(host)
                        .isEqualTo(FailureKind.INTERRUPTED + ": " + NOT_STARTED);
            }
            assertThat(attempts.get()).isEqualTo(1);
        }
    }

    /** Runs {@code run} on a thread of its own, interrupts it once {@code ready} opened, and returns its results. */
    private static TaskResults interruptWhen(CountDownLatch ready, Supplier<TaskResults> run)
            throws InterruptedException {
        AtomicReference<TaskResults> results = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            results.set(run.get());
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "interrupted-caller");
        caller.start();
        assertThat(ready.await(10, TimeUnit.SECONDS)).as("the hosts reached their blocking step").isTrue();
        caller.interrupt();
        caller.join(10_000);
        assertThat(caller.isAlive()).as("run returned after the interrupt").isFalse();
        assertThat(stillInterrupted.get()).as("the caller's interrupt flag is kept").isTrue();
        return results.get();
    }

    private static String failure(HostTaskResult result) {
        assertThat(result).isInstanceOf(HostTaskResult.Failed.class);
        TaskFailure failure = ((HostTaskResult.Failed) result).failure();
        return failure.kind() + ": " + failure.message();
    }
}
