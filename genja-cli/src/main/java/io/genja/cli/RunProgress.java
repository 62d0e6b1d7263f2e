package io.genja.cli;

import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskResults;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far {@code genja run} is, from the engine's per-host events: a progress bar on a terminal (hosts
 * done/total, failed, rate, ETA), else a plain line at every tenth of the hosts. Only the task that was run
 * counts (depth 0); its {@code onHostFinish} comes after the host's whole task tree.
 */
final class RunProgress implements TaskProcessor {

    private final PrintStream out;
    private final boolean terminal;
    /** Hosts done; the progress bar keeps its own count. */
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile int total;
    private volatile long startedNanos;
    private volatile ProgressBar bar;

    RunProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public String name() {
        return "genja-cli-progress";
    }

    @Override
    public void onTaskStart(TaskInfo task, List<Host> hosts) {
        if (task.depth() != 0) {
            return;
        }
        total = hosts.size();
        startedNanos = System.nanoTime();
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task.name())
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUnit(" hosts", 1)
                    .showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setUpdateIntervalMillis(100)
                    .build();
        }
    }

    @Override
    public HostTaskResult onHostFinish(TaskInfo task, Host host, HostTaskResult result) {
        if (task.depth() != 0) {
            return result;
        }
        ProgressBar current = bar;
        if (current != null) {
            int failedNow = result.isFailed() ? failed.incrementAndGet() : failed.get();
            current.step();
            if (failedNow > 0) {
                current.setExtraMessage(" " + failedNow + " failed");
            }
        } else {
            countPlain(result.isFailed());
        }
        return result;
    }

    @Override
    public void onTaskFinish(TaskInfo task, TaskResults results) {
        if (task.depth() == 0) {
            finish();
        }
    }

    /** Closes the bar; safe to call more than once (also when the run ended by an exception). */
    void finish() {
        ProgressBar current = bar;
        bar = null;
        if (current != null) {
            current.close();
        }
    }

    /** Counts and prints under one lock, so lines from many hosts' threads come out in order. */
    private synchronized void countPlain(boolean hostFailed) {
        int failedNow = hostFailed ? failed.incrementAndGet() : failed.get();
        int doneNow = done.incrementAndGet();
        if (isMilestone(doneNow)) {
            out.println(plainLine(doneNow, failedNow));
        }
    }

    private boolean isMilestone(int doneNow) {
        int step = Math.max(1, total / 10);
        return doneNow == total || doneNow % step == 0;
    }

    /** {@code progress: 25/50 hosts, 1 failed, 12.5 hosts/s, ETA 2 s}. */
    private String plainLine(int doneNow, int failedNow) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        double rate = doneNow / seconds;
        String eta = doneNow == total ? "done"
                : "ETA " + ResultTable.format(Duration.ofMillis((long) ((total - doneNow) / rate * 1000)));
        return String.format(java.util.Locale.ROOT, "progress: %d/%d hosts, %d failed, %.1f hosts/s, %s",
                doneNow, total, failedNow, rate, eta);
    }
}
