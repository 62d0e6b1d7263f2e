package io.genja.cli;

import io.genja.rollout.Batch;
import io.genja.rollout.BatchOutcome;
import io.genja.rollout.HostOrder;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import java.io.PrintStream;

/**
 * What {@code genja run} says about a rollout: a shuffle's seed (so the run can be replayed), each batch as it
 * starts when there are several, and after the results why the rollout stopped, if it did.
 */
final class RolloutReport implements TaskProcessor {

    private final PrintStream out;
    private volatile String stopReason;

    RolloutReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "genja-cli-rollout";
    }

    @Override
    public void onBatchStart(TaskInfo task, Batch batch) {
        if (batch.number() == 1 && batch.rollout().order() == HostOrder.SHUFFLE) {
            long seed = batch.rollout().seed().orElseThrow();
            out.println("hosts shuffled with seed " + seed + " (--order shuffle --seed " + seed
                    + " replays this order)");
        }
        if (batch.count() > 1) {
            out.println(batch + ": " + String.join(", ", batch.hosts().stream().limit(5).map(h -> h.name()).toList())
                    + (batch.hosts().size() > 5 ? ", ..." : ""));
        }
    }

    @Override
    public void onBatchFinish(TaskInfo task, Batch batch, BatchOutcome outcome) {
        outcome.stopReason().ifPresent(reason -> stopReason = reason);
    }

    /** Whether the rollout stopped before every host ran. */
    boolean stopped() {
        return stopReason != null;
    }

    /** {@code rollout stopped after batch 1 of 3 (1 host), ...}, after the results table. */
    void printSummary() {
        if (stopReason != null) {
            out.println("rollout stopped " + stopReason + "; the hosts it did not start are skipped");
        }
    }
}
