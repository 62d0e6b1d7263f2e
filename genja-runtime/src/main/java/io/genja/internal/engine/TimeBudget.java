package io.genja.internal.engine;

import io.genja.runner.Lanes;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One host's time budget ({@code RunOptions.timeout}): a timer that hands the host to {@code onExpiry} when it
 * fires first, and the thread blocked in the host's task or connection open at that moment, which
 * {@link #interruptBlockedStep()} interrupts. Closing the host's connections is {@code onExpiry}'s part.
 */
final class TimeBudget {

    /** No budget: nothing is timed, blocking steps just run. */
    static final TimeBudget NONE = new TimeBudget(null, null);

    /** A step that may block: a {@code Task}'s {@code start}, a plugin's {@code open}. */
    interface BlockingStep<T> {
        T run() throws Exception;
    }

    private final Lanes lanes;
    private final Runnable onExpiry;
    private volatile ScheduledFuture<?> timer;
    // Guarded by this: the thread inside a blocking step, and whether the budget interrupted it.
    private Thread blocked;
    private boolean interrupted;

    /** @param onExpiry runs on the timer's thread when the budget runs out; it decides whether the host was done */
    TimeBudget(Lanes lanes, Runnable onExpiry) {
        this.lanes = lanes;
        this.onExpiry = onExpiry;
    }

    void start(ScheduledExecutorService scheduler, Duration limit) {
        try {
            timer = scheduler.schedule(onExpiry, limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The run already ended (it was interrupted); no host is waited for any more.
        }
    }

    /** The host finished within its budget. */
    void cancel() {
        ScheduledFuture<?> running = timer;
        if (running != null) {
            running.cancel(false);
        }
    }

    /** Runs {@code step} so that the budget running out meanwhile interrupts it. */
    <T> T blocking(BlockingStep<T> step) throws Exception {
        if (this == NONE) {
            return step.run();
        }
        enter();
        try {
            return step.run();
        } finally {
            exit();
        }
    }

    /**
     * The timer's side, once the host is given up: interrupts a thread blocked in one of its steps. If the step
     * ignores the interrupt, the lanes get a thread more until it returns, so the other hosts keep their workers.
     */
    synchronized void interruptBlockedStep() {
        if (blocked != null && !interrupted) {
            interrupted = true;
            blocked.interrupt();
            lanes.threadAbandoned();
        }
    }

    private synchronized void enter() {
        blocked = Thread.currentThread();
    }

    private synchronized void exit() {
        blocked = null;
        if (interrupted) {
            // The interrupt was meant for the step that ran out of time, not for the next one on this thread.
            Thread.interrupted();
            interrupted = false;
            lanes.abandonedThreadReturned();
        }
    }
}
