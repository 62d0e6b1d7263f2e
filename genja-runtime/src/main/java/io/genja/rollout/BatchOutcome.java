package io.genja.rollout;

import java.util.List;
import java.util.Optional;

/**
 * How a batch ended: which of its hosts count as failed for the rollout's thresholds, and whether the rollout
 * stops after it.
 */
public final class BatchOutcome {

    private final List<String> failedHosts;
    private final String stopReason;

    /**
     * @param failedHosts the batch's hosts that count as failed, in the order they started
     * @param stopReason why the rollout stops here, or {@code null} when it goes on
     */
    public BatchOutcome(List<String> failedHosts, String stopReason) {
        this.failedHosts = List.copyOf(failedHosts);
        this.stopReason = stopReason;
    }

    /** The batch's hosts that count as failed (unreachable ones too, unless the rollout ignores them). */
    public List<String> failedHosts() {
        return failedHosts;
    }

    /** Whether the rollout stops after this batch: the hosts it did not start are skipped. */
    public boolean stopsRollout() {
        return stopReason != null;
    }

    /** Why the rollout stops, naming the threshold and the batch; empty when it goes on. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    @Override
    public String toString() {
        return "BatchOutcome[failed=" + failedHosts.size() + (stopReason == null ? "" : ", stopped: " + stopReason)
                + "]";
    }
}
