package io.genja.settings;

import io.genja.document.FrozenMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code runner} section.
 *
 * @param plugin the runner by name (default {@code threaded}); see {@code PluginManager.runnerNames()}
 * @param workerCount threads of the threaded runner (default 20, as Nornir)
 * @param options {@code runner.options}, for the runner as written
 */
public record RunnerSettings(String plugin, int workerCount, Map<String, Object> options) {

    public static final RunnerSettings DEFAULTS = new RunnerSettings("threaded", 20, Map.of());

    public RunnerSettings {
        Objects.requireNonNull(plugin, "plugin");
        if (workerCount < 1) {
            throw new IllegalArgumentException("workerCount must be at least 1, not " + workerCount);
        }
        options = FrozenMap.copyOf(options);
    }
}
