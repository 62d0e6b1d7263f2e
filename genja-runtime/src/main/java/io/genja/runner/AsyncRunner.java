package io.genja.runner;

/**
 * Up to {@code maxInFlight} hosts in flight on a few threads. Asynchronous tasks and connections hold no thread
 * while they wait; blocking steps (a {@code Task}, a plugin without a real {@code openAsync}) share the threads.
 */
final class AsyncRunner implements Runner {

    private final int maxInFlight;
    private final int threads;

    AsyncRunner(int maxInFlight, int threads) {
        this.maxInFlight = maxInFlight;
        this.threads = threads;
    }

    @Override
    public Lanes open(int hostCount) {
        return new PoolLanes("async", Math.max(1, Math.min(threads, hostCount)), Math.min(maxInFlight, hostCount));
    }
}
