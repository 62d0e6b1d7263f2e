package io.genja.task;

import java.util.Objects;
import java.util.Optional;

/**
 * Which task is running, where in the task tree, and how.
 *
 * @param name the task name
 * @param connectionPlugin the connection plugin name, or {@code null} when the task needs none; read it
 *     through {@link #connectionPluginName()}
 * @param depth 0 for the task that was run, 1 for its sub-tasks, and so on
 * @param maxDepth the deepest level that runs (0-based)
 * @param dryRun whether tasks should report what they would change instead of changing it
 */
public record TaskInfo(String name, String connectionPlugin, int depth, int maxDepth, boolean dryRun) {

    public TaskInfo {
        Objects.requireNonNull(name, "name");
        if (connectionPlugin != null && connectionPlugin.isEmpty()) {
            connectionPlugin = null;
        }
    }

    /** The connection plugin the task declares, if any. */
    public Optional<String> connectionPluginName() {
        return Optional.ofNullable(connectionPlugin);
    }
}
