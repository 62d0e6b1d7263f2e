package io.genja.runner;

/** {@code workers} hosts in flight, each on its own thread of a pool of {@code workers} threads. */
final class ThreadedRunner implements Runner {

    private final int workers;

    ThreadedRunner(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("the threaded runner needs at least 1 worker, got " + workers);
        }
        this.workers = workers;
    }

    @Override
    public Lanes open(int hostCount) {
        int threads = Math.max(1, Math.min(workers, hostCount));
        return new PoolLanes("threaded", threads, threads);
    }
}
