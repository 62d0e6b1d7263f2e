package io.genja.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a task achieved on a host. Immutable; each {@code with...} returns a copy:
 * {@code new TaskSuccess().withResult(output).withSummary("saved 312 lines").withChanged(true)}.
 */
public final class TaskSuccess {

    private final Object result;
    private final String summary;
    private final boolean changed;
    private final String diff;
    private final Map<String, Object> metadata;
    private final List<String> warnings;

    /** An empty success: no result, no summary, nothing changed. */
    public TaskSuccess() {
        this(null, null, false, null, Map.of(), List.of());
    }

    private TaskSuccess(Object result, String summary, boolean changed, String diff,
                        Map<String, Object> metadata, List<String> warnings) {
        this.result = result;
        this.summary = summary;
        this.changed = changed;
        this.diff = diff;
        this.metadata = metadata;
        this.warnings = warnings;
    }

    public TaskSuccess withResult(Object result) {
        return new TaskSuccess(result, summary, changed, diff, metadata, warnings);
    }

    public TaskSuccess withSummary(String summary) {
        return new TaskSuccess(result, summary, changed, diff, metadata, warnings);
    }

    public TaskSuccess withChanged(boolean changed) {
        return new TaskSuccess(result, summary, changed, diff, metadata, warnings);
    }

    public TaskSuccess withDiff(String diff) {
        return new TaskSuccess(result, summary, changed, diff, metadata, warnings);
    }

    /** Adds one metadata entry, keeping the order entries were added in. */
    public TaskSuccess withMetadata(String key, Object value) {
        Objects.requireNonNull(key, "key");
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new TaskSuccess(result, summary, changed, diff, Collections.unmodifiableMap(copy), warnings);
    }

    public TaskSuccess withWarning(String warning) {
        Objects.requireNonNull(warning, "warning");
        List<String> copy = new ArrayList<>(warnings);
        copy.add(warning);
        return new TaskSuccess(result, summary, changed, diff, metadata, List.copyOf(copy));
    }

    /** The task's main output (a command's text, a parsed structure), or {@code null}. */
    public Object result() {
        return result;
    }

    /** One line for tables, or {@code null}. */
    public String summary() {
        return summary;
    }

    /** Whether the task changed the device (or, in a dry run, would have). */
    public boolean changed() {
        return changed;
    }

    public String diff() {
        return diff;
    }

    /** Entries in the order they were added. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    public List<String> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskSuccess other
                && changed == other.changed
                && Objects.equals(result, other.result)
                && Objects.equals(summary, other.summary)
                && Objects.equals(diff, other.diff)
                && metadata.equals(other.metadata)
                && warnings.equals(other.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(result, summary, changed, diff, metadata, warnings);
    }

    @Override
    public String toString() {
        return "TaskSuccess[summary=" + summary + ", changed=" + changed + ", metadata=" + metadata.keySet()
                + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }
}
