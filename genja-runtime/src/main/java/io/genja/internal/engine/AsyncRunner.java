package io.genja.internal.engine;

import io.genja.runner.Lanes;
import io.genja.runner.Runner;
import io.genja.runner.RunnerContext;

/**
 * {@code async}: every host in flight (or {@code RunOptions.workers(n)}) on one thread per CPU core (at least 2).
 * Asynchronous tasks and connections hold no thread while they wait; blocking steps (a {@code Task}, a plugin
 * without a real {@code openAsync}) share the threads.
 */
public final class AsyncRunner implements Runner {

    @Override
    public String name() {
        return "async";
    }

    @Override
    public Lanes open(RunnerContext context) {
        int hosts = Math.max(1, context.hostCount());
        int threads = Math.min(Math.max(2, Runtime.getRuntime().availableProcessors()), hosts);
        int inFlight = context.workersRequested() ? Math.min(context.workers(), hosts) : hosts;
        return new PoolLanes(name(), threads, inFlight);
    }
}
