package io.genja.settings;

import io.genja.internal.document.FrozenMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code runner} section.
 *
 * @param plugin the runner by name (default {@code threaded}); see {@code PluginManager.runnerNames()}
 * @param workerCount threads of the threaded runner (default 20, as Nornir): {@code runner.worker_count}, else
 *     {@code runner.options.num_of_workers}
 * @param options {@code runner.options}, for the runner as written
 * @param maxTaskDepth {@code runner.max_task_depth}: how deep sub-tasks nest in a run unless
 *     {@code RunOptions.maxDepth} says otherwise; {@code null} for no limit
 */
public record RunnerSettings(String plugin, int workerCount, Map<String, Object> options, Integer maxTaskDepth) {

    public static final RunnerSettings DEFAULTS = new RunnerSettings("threaded", 20, Map.of());

    public RunnerSettings {
        Objects.requireNonNull(plugin, "plugin");
        if (workerCount < 1) {
            throw new IllegalArgumentException("workerCount must be at least 1, not " + workerCount);
        }
        if (maxTaskDepth != null && maxTaskDepth < 0) {
            throw new IllegalArgumentException("maxTaskDepth must be 0 or more, not " + maxTaskDepth);
        }
        options = FrozenMap.copyOf(options);
    }

    /** Without a sub-task depth limit. */
    public RunnerSettings(String plugin, int workerCount, Map<String, Object> options) {
        this(plugin, workerCount, options, null);
    }

    /** {@link #maxTaskDepth()}, if set. */
    public Optional<Integer> taskDepthLimit() {
        return Optional.ofNullable(maxTaskDepth);
    }
}
