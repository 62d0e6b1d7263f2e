package io.genja.rollout;

import io.genja.inventory.Host;
import java.util.List;
import java.util.Objects;

/**
 * One batch of a run, as processors see it ({@code TaskProcessor.onBatchStart} / {@code onBatchFinish}). A run
 * without batch sizes is one batch of every selected host.
 *
 * @param number 1 for the first batch
 * @param count how many batches the run has
 * @param hosts the batch's hosts, in the order they start
 * @param rollout the run's rollout as it applies (settings and {@code RunOptions} merged; a shuffle's seed set)
 */
public record Batch(int number, int count, List<Host> hosts, Rollout rollout) {

    public Batch {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(rollout, "rollout");
    }

    /** {@code batch 2 of 3 (10 hosts)}. */
    @Override
    public String toString() {
        return "batch " + number + " of " + count + " (" + hosts.size() + (hosts.size() == 1 ? " host)" : " hosts)");
    }
}
