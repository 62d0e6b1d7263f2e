package io.genja.internal.engine;

import io.genja.rollout.Rollout;
import io.genja.runner.Runner;
import io.genja.runner.RunnerContext;
import io.genja.task.TaskProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run as the engine needs it, decided before any host is touched: the runner and its context, and how each
 * host's pipeline treats time, failures and earlier failures. {@code Genja} builds it from the caller's
 * {@code RunOptions} and the settings, so the engine depends on neither the entry point nor its option types.
 *
 * @param processors processors the run adds to those the task declares
 * @param timeout each host's time budget for its whole task tree; {@code null} for none
 * @param retries how often a retryable failure is retried
 * @param retryBackoff the first retry's back-off (doubling, with jitter)
 * @param skipSubTasksOnFailure record sub-tasks of a failed node as skipped instead of running them
 * @param skipFailedHosts skip hosts that failed in an earlier run of the same {@code Genja}
 * @param rollout order, batches, failure thresholds and throttles ({@code Rollout.defaults()}: one batch, inventory
 *     order)
 * @param parsingTemplatesDir where {@code TaskRuntimeContext.parse} finds its templates (the settings'
 *     {@code parsing.templates_dir}); {@code null} for none
 */
public record RunSpec(Runner runner, RunnerContext runnerContext, List<TaskProcessor> processors, Duration timeout,
                      int retries, Duration retryBackoff, boolean skipSubTasksOnFailure, boolean skipFailedHosts,
                      Rollout rollout, Path parsingTemplatesDir) {

    public RunSpec {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(runnerContext, "runnerContext");
        processors = List.copyOf(processors);
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(rollout, "rollout");
    }

    /** {@link #timeout()}, when the run has one. */
    public Optional<Duration> hostBudget() {
        return Optional.ofNullable(timeout);
    }
}
