package io.genja.internal.engine;

import io.genja.task.HostTaskResult;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where a run keeps its results: one slot per task node and host, pre-sized, safe to write and read from any
 * thread. The first result offered for a slot wins, so a task finishing after its host's time budget ran out
 * cannot overwrite the {@code TIMEOUT} recorded for it, and every node gets exactly one result per host.
 *
 * <p>Start times live here too, in atomic arrays: a host's own thread writes them and the budget's timer reads
 * them, so each read sees a completed write.
 */
final class ResultSink {

    private final AtomicReferenceArray<HostTaskResult>[] results;
    /** {@code System.nanoTime()} when each node began on each host; 0 when it never began. */
    private final AtomicLongArray[] started;

    @SuppressWarnings("unchecked")
    ResultSink(int nodes, int hosts) {
        results = new AtomicReferenceArray[nodes];
        started = new AtomicLongArray[nodes];
        for (int node = 0; node < nodes; node++) {
            results[node] = new AtomicReferenceArray<>(hosts);
            started[node] = new AtomicLongArray(hosts);
        }
    }

    /** Records {@code result} unless the slot already has one; true if it was recorded. */
    boolean offer(int node, int host, HostTaskResult result) {
        return results[node].compareAndSet(host, null, result);
    }

    /** Replaces a recorded result (a processor's {@code onHostFinish} did). */
    void replace(int node, int host, HostTaskResult result) {
        results[node].set(host, result);
    }

    /** The recorded result, or {@code null}. */
    HostTaskResult get(int node, int host) {
        return results[node].get(host);
    }

    void started(int node, int host, long nanos) {
        started[node].set(host, nanos);
    }

    /** When the node began on the host, or 0 if it never began. */
    long started(int node, int host) {
        return started[node].get(host);
    }
}
