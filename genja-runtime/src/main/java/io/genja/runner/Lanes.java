package io.genja.runner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

/**
 * The threads of one run, as a {@link Runner} opened them: where host pipelines start and resume. The engine runs
 * a host's steps only through {@link #execute}, never on a thread that merely completed a stage (an I/O thread, a
 * timer), so blocking task code cannot stall those. A step that completes at once runs on inline, on the same lane.
 */
public interface Lanes extends Executor {

    /** At most this many hosts are in flight at once (a host waiting on a stage stays in flight). At least 1. */
    int maxInFlight();

    /** How many steps run at once: the engine starts this many host loops (at most {@link #maxInFlight()}). */
    int parallelism();

    /**
     * Waits until {@code done} reaches zero. Lanes that run on the calling thread run their queued steps here;
     * the default just waits.
     */
    default void await(CountDownLatch done) throws InterruptedException {
        done.await();
    }

    /**
     * A lane thread is stuck in a task whose host ran out of its time budget: lanes that can, add a thread for the
     * other hosts until {@link #abandonedThreadReturned()}. The default does nothing.
     */
    default void threadAbandoned() {
    }

    /** The thread given up in {@link #threadAbandoned()} came back: drop the extra thread again. */
    default void abandonedThreadReturned() {
    }

    /** Ends the lanes' threads, interrupting work still running (a task past its host's time budget). */
    void close();
}
