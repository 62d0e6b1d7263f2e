package io.genja.runner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/** One host after another on the calling thread; stages completed elsewhere resume on the calling thread too. */
final class SerialRunner implements Runner {

    @Override
    public Lanes open(int hostCount) {
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
