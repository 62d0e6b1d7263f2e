package io.genja.internal.engine;

import io.genja.runner.Lanes;
import io.genja.runner.Runner;
import io.genja.runner.RunnerContext;

/** {@code threaded} (the default): {@code workers} hosts in flight, on a pool of {@code workers} threads. */
public final class ThreadedRunner implements Runner {

    @Override
    public String name() {
        return "threaded";
    }

    @Override
    public Lanes open(RunnerContext context) {
        int threads = Math.max(1, Math.min(context.workers(), context.hostCount()));
        return new PoolLanes(name(), threads, threads);
    }
}
