package io.genja.runner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

/**
 * The threads of one run: where host pipelines start and resume. Every step of a host runs on a lane, never on a
 * thread that merely completed a stage (an I/O thread, a timer), so blocking task code cannot stall those.
 */
interface Lanes extends Executor {

    /** At most this many hosts are in flight at once. */
    int maxInFlight();

    /** How many threads run steps at once: the number of drains a run starts with. */
    int parallelism();

    /** Waits until {@code done} reaches zero; a lane on the calling thread runs its queued work meanwhile. */
    void await(CountDownLatch done) throws InterruptedException;

    /**
     * A lane thread is stuck in a task whose host ran out of its time budget: add a thread for the other hosts
     * until {@link #abandonedThreadReturned()}. Lanes that cannot grow (the calling thread) do nothing.
     */
    default void threadAbandoned() {
    }

    /** The thread given up in {@link #threadAbandoned()} came back: drop the extra thread again. */
    default void abandonedThreadReturned() {
    }

    /** Ends the lanes' threads, interrupting work still running (a task past its host's time budget). */
    void close();
}
