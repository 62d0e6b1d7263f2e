package io.genja.runner;

/** {@code workers} hosts in flight, each on its own thread of a pool of {@code workers} threads. */
final class ThreadedRunner implements Runner {

    private final int workers;

    /** @param workers 1 or more (checked by {@link Runner#select}) */
    ThreadedRunner(int workers) {
        this.workers = workers;
    }

    @Override
    public Lanes open(int hostCount) {
        int threads = Math.max(1, Math.min(workers, hostCount));
        return new PoolLanes("threaded", threads, threads);
    }
}
