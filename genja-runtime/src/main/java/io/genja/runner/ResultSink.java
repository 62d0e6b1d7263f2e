package io.genja.runner;

import io.genja.task.HostTaskResult;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where host pipelines put their results: one slot per task node and host, pre-sized, written without locks.
 * The first result offered for a slot wins, so a task finishing after its host's time budget ran out cannot
 * overwrite the {@code TIMEOUT} recorded for it, and every node gets exactly one result per host.
 */
final class ResultSink {

    private final AtomicReferenceArray<HostTaskResult>[] results;
    /** {@code System.nanoTime()} when each node began on each host; 0 when it never began. */
    private final long[][] started;

    @SuppressWarnings("unchecked")
    ResultSink(int nodes, int hosts) {
        results = new AtomicReferenceArray[nodes];
        started = new long[nodes][];
        for (int node = 0; node < nodes; node++) {
            results[node] = new AtomicReferenceArray<>(hosts);
            started[node] = new long[hosts];
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
        started[node][host] = nanos;
    }

    long started(int node, int host) {
        return started[node][host];
    }
}
