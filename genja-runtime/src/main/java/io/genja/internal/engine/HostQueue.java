package io.genja.internal.engine;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hosts of one batch still to start, in order. Host loops {@link #claim} them; without throttles that is one
 * atomic counter. With throttles a loop takes the first waiting host whose slots have room (a host of a full site
 * waits, later hosts of other sites go ahead), and a loop that finds none parks until a running host
 * {@linkplain #release releases} its slots.
 */
final class HostQueue {

    /** {@link #claim}: every host of the batch has been claimed (or the rollout stopped). */
    static final int NONE_LEFT = -1;
    /** {@link #claim}: hosts are left, but each waits for a throttle slot. */
    static final int WAIT = -2;

    private final int[] hosts;
    private final ThrottleSlots throttles;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean stopped;
    // With throttles, guarded by `throttles`:
    private final boolean[] claimed;
    /** Every host before it is claimed. */
    private int firstWaiting;
    /** Loops that found no host with room and ended; a release wakes one. */
    private int parkedLoops;

    /** @param throttles {@code null} when the run has none */
    HostQueue(int[] hosts, ThrottleSlots throttles) {
        this.hosts = hosts;
        this.throttles = throttles;
        this.claimed = throttles == null ? null : new boolean[hosts.length];
    }

    /** The next host to start (its index in the run), or {@link #NONE_LEFT} or {@link #WAIT}. */
    int claim() {
        if (stopped) {
            return NONE_LEFT;
        }
        if (throttles == null) {
            int position = next.getAndIncrement();
            return position < hosts.length ? hosts[position] : NONE_LEFT;
        }
        synchronized (throttles) {
            while (firstWaiting < hosts.length && claimed[firstWaiting]) {
                firstWaiting++;
            }
            if (stopped || firstWaiting == hosts.length) {
                return NONE_LEFT;
            }
            for (int position = firstWaiting; position < hosts.length; position++) {
                if (!claimed[position] && throttles.fits(hosts[position])) {
                    claimed[position] = true;
                    throttles.take(hosts[position]);
                    return hosts[position];
                }
            }
            parkedLoops++;
            return WAIT;
        }
    }

    /**
     * {@code host} finished: its throttle slots have room again.
     *
     * @return whether a loop parked for lack of room: the caller starts one again
     */
    boolean release(int host) {
        if (throttles == null) {
            return false;
        }
        synchronized (throttles) {
            throttles.give(host);
            if (parkedLoops > 0) {
                parkedLoops--;
                return true;
            }
            return false;
        }
    }

    /** Whether {@code host} holds throttle slots while it runs. */
    boolean throttled(int host) {
        return throttles != null && throttles.applies(host);
    }

    /** No host starts any more; returns those that had not been claimed, each exactly once. */
    int[] stop() {
        stopped = true;
        if (throttles == null) {
            int from = Math.min(next.getAndSet(hosts.length), hosts.length);
            return Arrays.copyOfRange(hosts, from, hosts.length);
        }
        synchronized (throttles) {
            int[] left = new int[hosts.length];
            int count = 0;
            for (int position = firstWaiting; position < hosts.length; position++) {
                if (!claimed[position]) {
                    claimed[position] = true;
                    left[count++] = hosts[position];
                }
            }
            return Arrays.copyOf(left, count);
        }
    }
}
