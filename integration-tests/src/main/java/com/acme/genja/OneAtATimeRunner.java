package com.acme.genja;

import io.genja.annotations.GenjaRunner;
import io.genja.runner.Lanes;
import io.genja.runner.Runner;
import io.genja.runner.RunnerContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Every host on one thread of its own, one host after another: for devices that take one change at a time. */
@GenjaRunner(name = "one_at_a_time")
public final class OneAtATimeRunner implements Runner {

    /** The name of the runner's thread, which tasks can see. */
    public static final String THREAD = "acme-one-at-a-time";

    @Override
    public String name() {
        return "one_at_a_time";
    }

    @Override
    public Lanes open(RunnerContext context) {
        ExecutorService thread = Executors.newSingleThreadExecutor(step -> {
            Thread daemon = new Thread(step, THREAD);
            daemon.setDaemon(true);
            return daemon;
        });
        return new Lanes() {
            @Override
            public int maxInFlight() {
                return 1;
            }

            @Override
            public int parallelism() {
                return 1;
            }

            @Override
            public void execute(Runnable step) {
                thread.execute(step);
            }

            @Override
            public void close() {
                thread.shutdownNow();
            }
        };
    }
}
