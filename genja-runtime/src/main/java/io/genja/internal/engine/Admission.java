package io.genja.internal.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many hosts run at once: a host takes a permit before it starts and returns it when it has all its results.
 * A host waiting on a stage keeps its permit, so the limit holds without any thread blocking on it.
 */
final class Admission {

    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    Admission(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    /** Takes a permit if one is left. */
    boolean tryEnter() {
        while (true) {
            int current = inFlight.get();
            if (current >= maxInFlight) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void leave() {
        inFlight.decrementAndGet();
    }
}
