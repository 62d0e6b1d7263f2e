package io.genja;

import io.genja.rollout.HostOrder;
import io.genja.rollout.Rollout;
import io.genja.task.TaskOptions;
import io.genja.task.TaskProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one run behaves. Immutable; each setter returns a copy:
 * {@code RunOptions.defaults().timeout(Duration.ofSeconds(30)).retries(2).option("path", "backups")}.
 */
public final class RunOptions {

    private static final RunOptions DEFAULTS = new RunOptions();

    private final TaskOptions options;
    private final Duration timeout;
    private final int retries;
    private final Duration retryBackoff;
    private final boolean dryRun;
    private final boolean skipSubTasksOnFailure;
    private final boolean skipFailedHosts;
    private final Integer maxDepth;
    private final String runner;
    private final Integer workers;
    private final List<TaskProcessor> processors;
    private final Rollout rollout;

    /** The defaults: no options, no time budget, no retries, every host, the configured runner. */
    public RunOptions() {
        this(TaskOptions.empty(), null, 0, Duration.ofMillis(500), false, false, false, null, null, null, List.of(),
                Rollout.defaults());
    }

    private RunOptions(TaskOptions options, Duration timeout, int retries, Duration retryBackoff, boolean dryRun,
                       boolean skipSubTasksOnFailure, boolean skipFailedHosts, Integer maxDepth, String runner,
                       Integer workers, List<TaskProcessor> processors, Rollout rollout) {
        this.options = options;
        this.timeout = timeout;
        this.retries = retries;
        this.retryBackoff = retryBackoff;
        this.dryRun = dryRun;
        this.skipSubTasksOnFailure = skipSubTasksOnFailure;
        this.skipFailedHosts = skipFailedHosts;
        this.maxDepth = maxDepth;
        this.runner = runner;
        this.workers = workers;
        this.processors = processors;
        this.rollout = rollout;
    }

    public static RunOptions defaults() {
        return DEFAULTS;
    }

    /** The task options of the run. */
    public RunOptions options(TaskOptions options) {
        return new RunOptions(Objects.requireNonNull(options, "options"), timeout, retries, retryBackoff, dryRun,
                skipSubTasksOnFailure, skipFailedHosts, maxDepth, runner, workers, processors, rollout);
    }

    /** Adds one task option. */
    public RunOptions option(String name, Object value) {
        return options(options.with(name, value));
    }

    /** The time budget of each host's whole task tree; past it the host gets a {@code TIMEOUT} failure. */
    public RunOptions timeout(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return new RunOptions(options, timeout, retries, retryBackoff, dryRun, skipSubTasksOnFailure,
                skipFailedHosts, maxDepth, runner, workers, processors, rollout);
    }

    /** How many times a retryable failure (connection refused, timeout) is tried again. */
    public RunOptions retries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
        return new RunOptions(options, timeout, retries, retryBackoff, dryRun, skipSubTasksOnFailure,
                skipFailedHosts, maxDepth, runner, workers, processors, rollout);
    }

    /** The wait before the first retry; it doubles for each further one. */
    public RunOptions retryBackoff(Duration retryBackoff) {
        return new RunOptions(options, timeout, retries, Objects.requireNonNull(retryBackoff, "retryBackoff"), dryRun,
                skipSubTasksOnFailure, skipFailedHosts, maxDepth, runner, workers, processors, rollout);
    }

    /** Tasks see {@code dryRun} in their {@code TaskInfo} and should only report what they would change. */
    public RunOptions dryRun(boolean dryRun) {
        return new RunOptions(options, timeout, retries, retryBackoff, dryRun, skipSubTasksOnFailure,
                skipFailedHosts, maxDepth, runner, workers, processors, rollout);
    }

    /** Record sub-tasks of a failed parent as skipped ({@code parent failed}) instead of running them. */
    public RunOptions skipSubTasksOnFailure(boolean skip) {
        return new RunOptions(options, timeout, retries, retryBackoff, dryRun, skip, skipFailedHosts, maxDepth,
                runner, workers, processors, rollout);
    }

    /** Skip hosts that failed in an earlier run of the same {@code Genja} (Nornir's default; off here). */
    public RunOptions skipFailedHosts(boolean skip) {
        return new RunOptions(options, timeout, retries, retryBackoff, dryRun, skipSubTasksOnFailure, skip,
                maxDepth, runner, workers, processors, rollout);
    }

    /** The deepest task level that runs: 0 runs only the task, 1 also its sub-tasks, and so on. */
    public RunOptions maxDepth(int maxDepth) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be 0 or more, got " + maxDepth);
        }
        return new RunOptions(options, timeout, retries, retryBackoff, dryRun, skipSubTasksOnFailure,
                skipFailedHosts, maxDepth, runner, workers, processors, rollout);
    }

    /**
     * The runner for this run, by name: {@code serial}, {@code threaded}, {@code async} or one a jar registers;
     * else the configured one.
     */
    public RunOptions runner(String runner) {
        return new RunOptions(options, timeout, retries, retryBackoff, dryRun, skipSubTasksOnFailure,
                skipFailedHosts, maxDepth, runner, workers, processors, rollout);
    }

    /** Worker threads for the threaded runner; else {@code runner.worker_count}. */
    public RunOptions workers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be 1 or more, got " + workers);
        }
        return new RunOptions(options, timeout, retries, retryBackoff, dryRun, skipSubTasksOnFailure,
                skipFailedHosts, maxDepth, runner, workers, processors, rollout);
    }

    /**
     * Adds a processor for this run, after the processors the task declares: handy for progress output or
     * collecting results without a {@code @GenjaProcessor} class. Its hooks see the task that was run and every
     * sub-task.
     */
    public RunOptions processor(TaskProcessor processor) {
        Objects.requireNonNull(processor, "processor");
        List<TaskProcessor> more = new ArrayList<>(processors);
        more.add(processor);
        return new RunOptions(options, timeout, retries, retryBackoff, dryRun, skipSubTasksOnFailure,
                skipFailedHosts, maxDepth, runner, workers, List.copyOf(more), rollout);
    }

    /**
     * The rollout of this run: order, batches, failure thresholds, throttles (see {@code docs/runners.md}). Knobs it
     * leaves unset come from the settings' {@code rollout} section. Replaces what the methods below set.
     */
    public RunOptions rollout(Rollout rollout) {
        return new RunOptions(options, timeout, retries, retryBackoff, dryRun, skipSubTasksOnFailure,
                skipFailedHosts, maxDepth, runner, workers, processors, Objects.requireNonNull(rollout, "rollout"));
    }

    /** Batch sizes, Ansible's {@code serial}: {@code batches("1", "10%", "100%")}; the last one repeats. */
    public RunOptions batches(String... sizes) {
        return rollout(rollout.batches(sizes));
    }

    /** Stop the rollout after a batch in which more than {@code percent} % of its hosts failed. */
    public RunOptions maxFailPercentage(double percent) {
        return rollout(rollout.maxFailPercentage(percent));
    }

    /** Stop the rollout at the first failed host; hosts not started yet are skipped. */
    public RunOptions anyErrorsFatal(boolean fatal) {
        return rollout(rollout.anyErrorsFatal(fatal));
    }

    /** Leave unreachable hosts out of the rollout's failure count (they count by default). */
    public RunOptions ignoreUnreachable(boolean ignore) {
        return rollout(rollout.ignoreUnreachable(ignore));
    }

    /** The order in which hosts start: inventory (default), reverse_inventory, sorted, reverse_sorted, shuffle. */
    public RunOptions order(HostOrder order) {
        return rollout(rollout.order(order));
    }

    /** The seed of a shuffled order; without one, a run draws a seed and logs it. */
    public RunOptions seed(long seed) {
        return rollout(rollout.seed(seed));
    }

    /** At most {@code limit} hosts sharing {@code key} at once: a data key ({@code site}) or {@code group:NAME}. */
    public RunOptions throttle(String key, int limit) {
        return rollout(rollout.throttle(key, limit));
    }

    /** The rollout set on these options (unset knobs fall back to the settings). */
    public Rollout rollout() {
        return rollout;
    }

    /** The processors added with {@link #processor(TaskProcessor)}, in order. */
    public List<TaskProcessor> processors() {
        return processors;
    }

    public TaskOptions options() {
        return options;
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    public int retries() {
        return retries;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public boolean skipSubTasksOnFailure() {
        return skipSubTasksOnFailure;
    }

    public boolean skipFailedHosts() {
        return skipFailedHosts;
    }

    public Optional<Integer> maxDepth() {
        return Optional.ofNullable(maxDepth);
    }

    public Optional<String> runner() {
        return Optional.ofNullable(runner);
    }

    public Optional<Integer> workers() {
        return Optional.ofNullable(workers);
    }

    @Override
    public String toString() {
        return "RunOptions[options=" + options + ", timeout=" + timeout + ", retries=" + retries + ", dryRun=" + dryRun
                + ", skipSubTasksOnFailure=" + skipSubTasksOnFailure + ", skipFailedHosts=" + skipFailedHosts
                + ", maxDepth=" + maxDepth + ", runner=" + runner + ", workers=" + workers + ", processors="
                + processors.size() + ", rollout=" + rollout + "]";
    }
}
