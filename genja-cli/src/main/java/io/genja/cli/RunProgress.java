package io.genja.cli;

import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskProgress;
import io.genja.task.TaskResults;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far {@code genja run} is, from the engine's per-host events: a progress bar on a terminal (hosts
 * done/total, failed, rate, ETA), else a plain line at every tenth of the hosts. Only the task that was run
 * counts (depth 0); its {@code onHostFinish} comes after the host's whole task tree.
 *
 * <p>Tasks that report progress within a host ({@code file_copy}'s bytes) are shown per host: on the bar, the host
 * that reported last (e.g. {@code r1 45% 4.5/10.0 MiB}); in plain lines, each host at every quarter
 * of a step of at least {@value #PLAIN_MINIMUM} units (1 MiB of a copy), so small files print nothing extra.
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
    /** The host step last reported, shown after the failed count on the bar. */
    private volatile String step = "";
    /** Per host: the last quarter of its current step printed as a plain line. */
    private final Map<String, Integer> quarters = new ConcurrentHashMap<>();

    /** Steps smaller than this (in their units: bytes for copies) get no plain lines of their own. */
    static final long PLAIN_MINIMUM = 1024 * 1024;

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
            if (result.isFailed()) {
                failed.incrementAndGet();
            }
            current.step();
            current.setExtraMessage(extraMessage());
        } else {
            countPlain(result.isFailed());
        }
        return result;
    }

    @Override
    public void onHostProgress(TaskInfo task, Host host, TaskProgress progress) {
        ProgressBar current = bar;
        if (current != null) {
            step = " " + host.name() + " " + amount(progress); // the bar has one line: no room for the step's name
            current.setExtraMessage(extraMessage());
            return;
        }
        if (progress.total() < PLAIN_MINIMUM) {
            return;
        }
        int quarter = (int) Math.min(4, progress.done() * 4 / Math.max(1, progress.total()));
        Integer printed = quarters.put(host.name() + "\n" + progress.step(), quarter);
        if (quarter > 0 && (printed == null || printed < quarter)) {
            synchronized (this) {
                out.println(host.name() + ": " + describe(progress));
            }
        }
    }

    /** {@code upload image.bin 45% 4.5/10.0 MiB}. */
    static String describe(TaskProgress progress) {
        return progress.step() + " " + amount(progress);
    }

    /** {@code 45% 4.5/10.0 MiB}. */
    private static String amount(TaskProgress progress) {
        long percent = progress.total() == 0 ? 100 : progress.done() * 100 / progress.total();
        return percent + "% " + (TaskProgress.BYTES.equals(progress.unit())
                ? mebibytes(progress.done()) + "/" + mebibytes(progress.total()) + " MiB"
                : progress.done() + "/" + progress.total() + " " + progress.unit());
    }

    private static String mebibytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024));
    }

    private String extraMessage() {
        int failedNow = failed.get();
        return (failedNow > 0 ? " " + failedNow + " failed" : "") + step;
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
