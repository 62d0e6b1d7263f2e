package io.genja.internal.engine;

import io.genja.runner.Lanes;
import io.genja.runner.Runner;
import io.genja.runner.RunnerContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/** {@code serial}: one host after another on the calling thread; stages completed elsewhere resume there too. */
public final class SerialRunner implements Runner {

    @Override
    public String name() {
        return "serial";
    }

    @Override
    public Lanes open(RunnerContext context) {
        return new CallerLane();
    }

    /** A queue that the calling thread drains while it waits for the run to end. */
    private static final class CallerLane implements Lanes {
        private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

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
            queue.add(step);
        }

        @Override
        public void await(CountDownLatch done) throws InterruptedException {
            while (done.getCount() > 0) {
                queue.take().run();
            }
        }

        @Override
        public void close() {
            queue.clear();
        }
    }
}
