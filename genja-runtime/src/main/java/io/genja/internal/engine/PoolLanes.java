package io.genja.internal.engine;

import io.genja.runner.Lanes;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lanes on a fixed pool of daemon threads that lives for one run. While a thread is stuck in a task past its
 * host's budget, the pool has one thread more, so stuck tasks cannot starve the hosts still to run.
 */
final class PoolLanes implements Lanes {

    /** How long closing waits for interrupted work to let go of its thread. */
    private static final long CLOSE_WAIT_MILLIS = 1_000;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final ThreadPoolExecutor pool;
    private final DaemonThreads threads;
    private final int maxInFlight;

    PoolLanes(String runner, int threads, int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.threads = new DaemonThreads("genja-" + runner + "-" + RUNS.incrementAndGet() + "-");
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                this.threads);
    }

    @Override
    public int maxInFlight() {
        return maxInFlight;
    }

    @Override
    public int parallelism() {
        return pool.getCorePoolSize();
    }

    @Override
    public void execute(Runnable step) {
        pool.execute(step);
    }

    @Override
    public synchronized void threadAbandoned() {
        int size = pool.getMaximumPoolSize() + 1;
        pool.setMaximumPoolSize(size);
        pool.setCorePoolSize(size);
    }

    @Override
    public synchronized void abandonedThreadReturned() {
        int size = pool.getCorePoolSize() - 1;
        pool.setCorePoolSize(size);
        pool.setMaximumPoolSize(size);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        threads.join(CLOSE_WAIT_MILLIS);
    }
}
