package io.genja.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The results of one task across the selected hosts, in inventory order, with the results of its sub-tasks.
 * Every selected host has exactly one result.
 */
public final class TaskResults {

    private final String taskName;
    private final Map<String, HostTaskResult> byHost;
    private final Map<String, TaskResults> subTasks;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final List<HookError> hookErrors;

    /**
     * Results as the engine assembles them when a run ends; tools that combine or replay results (and tests) build
     * them the same way. The maps and list are copied.
     *
     * @param byHost the host results, in inventory order
     * @param subTasks the sub-tasks' results, in declared order
     * @param startedAt when the first host started this task
     * @param finishedAt when the last host finished it
     * @param hookErrors what processor hooks threw during the run (kept on the results of the task that was run)
     */
    public TaskResults(String taskName, Map<String, HostTaskResult> byHost, Map<String, TaskResults> subTasks,
                       Instant startedAt, Instant finishedAt, List<HookError> hookErrors) {
        this.taskName = Objects.requireNonNull(taskName, "taskName");
        this.byHost = Collections.unmodifiableMap(new LinkedHashMap<>(byHost));
        this.subTasks = Collections.unmodifiableMap(new LinkedHashMap<>(subTasks));
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
        this.hookErrors = List.copyOf(hookErrors);
    }

    /** A copy with {@code hookErrors} instead of this one's. */
    public TaskResults withHookErrors(List<HookError> hookErrors) {
        return new TaskResults(taskName, byHost, subTasks, startedAt, finishedAt, hookErrors);
    }

    public String taskName() {
        return taskName;
    }

    /**
     * The result of {@code host}.
     *
     * @throws NoSuchElementException when the host was not part of the run
     */
    public HostTaskResult hostResult(String host) {
        HostTaskResult result = byHost.get(host);
        if (result == null) {
            throw new NoSuchElementException("host \"" + host + "\" was not part of the run of task \"" + taskName
                    + "\" (" + byHost.size() + " hosts)");
        }
        return result;
    }

    /** The hosts of the run, in inventory order. */
    public List<String> hosts() {
        return List.copyOf(byHost.keySet());
    }

    /** Every host's result, in inventory order. */
    public Map<String, HostTaskResult> byHost() {
        return byHost;
    }

    /**
     * The results of the sub-task {@code name}.
     *
     * @throws NoSuchElementException when this task has no such sub-task
     */
    public TaskResults subTask(String name) {
        TaskResults results = subTasks.get(name);
        if (results == null) {
            throw new NoSuchElementException("task \"" + taskName + "\" has no sub-task \"" + name
                    + "\"; its sub-tasks: " + subTasks.keySet());
        }
        return results;
    }

    /** The sub-tasks' results, in declared order. */
    public Map<String, TaskResults> subTasks() {
        return subTasks;
    }

    public List<String> passedHosts() {
        return hostsWhere(HostTaskResult::isPassed);
    }

    public List<String> failedHosts() {
        return hostsWhere(HostTaskResult::isFailed);
    }

    public List<String> skippedHosts() {
        return hostsWhere(HostTaskResult::isSkipped);
    }

    /** Failed hosts that could not be reached (connection, authentication, timeout). */
    public List<String> unreachableHosts() {
        return hostsWhere(r -> r instanceof HostTaskResult.Failed f && f.failure().isUnreachable());
    }

    /** Whether any host failed in this task or in any sub-task. */
    public boolean anyFailed() {
        return byHost.values().stream().anyMatch(HostTaskResult::isFailed)
                || subTasks.values().stream().anyMatch(TaskResults::anyFailed);
    }

    /** From {@link #startedAt()} to {@link #finishedAt()}. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** When the run started (for a sub-task: when its first host started it). */
    public Instant startedAt() {
        return startedAt;
    }

    /** When the run ended (for a sub-task: when its last host finished it). */
    public Instant finishedAt() {
        return finishedAt;
    }

    /**
     * What processor hooks threw during the run, in the order it happened; empty for sub-tasks (a run's hook
     * errors are kept on the results of the task that was run). A hook error never discards a result.
     */
    public List<HookError> hookErrors() {
        return hookErrors;
    }

    /**
     * The results as compact JSON in the stable shape documented in {@code docs/results.md}. Passwords are never
     * written: any field whose name marks a secret ({@link io.genja.inventory.SecretResolver#isSecretKey}:
     * {@code password}, {@code api_token}, {@code snmp_community}, ...) in a task's result or metadata is replaced
     * by {@code "<redacted>"}.
     */
    public String toJson() {
        return TaskResultsJson.write(this, false);
    }

    /** {@link #toJson()}, indented for people. */
    public String toPrettyJson() {
        return TaskResultsJson.write(this, true);
    }

    /**
     * Results read back from the JSON {@link #toJson()} writes (as {@code genja run --json} saves it), for tools that
     * merge or replay results. Values a task returned come back as plain JSON values (maps, lists, strings, numbers);
     * fields the document has and this version does not know are ignored. {@link TaskFailure#beforeStart()} is
     * known only where it makes a host unreachable, the one place the document records it.
     *
     * @throws IllegalArgumentException when {@code json} is not such a document; the message says where
     *     ({@code line:column} for bad JSON, else a path such as {@code hosts.r1.status}) and what was expected
     */
    public static TaskResults fromJson(String json) {
        return TaskResultsJsonReader.read(json);
    }

    /** Counts of this task's host results (sub-tasks not included). */
    public Summary summary() {
        int passed = 0;
        int failed = 0;
        int unreachable = 0;
        int skipped = 0;
        int changed = 0;
        for (HostTaskResult result : byHost.values()) {
            if (result instanceof HostTaskResult.Passed p) {
                passed++;
                if (p.success().changed()) {
                    changed++;
                }
            } else if (result instanceof HostTaskResult.Failed f) {
                if (f.failure().isUnreachable()) {
                    unreachable++;
                } else {
                    failed++;
                }
            } else {
                skipped++;
            }
        }
        return new Summary(byHost.size(), passed, changed, failed, unreachable, skipped);
    }

    private List<String> hostsWhere(Predicate<HostTaskResult> predicate) {
        return byHost.entrySet().stream().filter(e -> predicate.test(e.getValue())).map(Map.Entry::getKey).toList();
    }

    @Override
    public String toString() {
        return "TaskResults[" + taskName + ", " + summary() + "]";
    }

    /**
     * Counts of host results. {@code failed} counts hosts whose task failed; {@code unreachable} counts hosts that
     * could not be reached; together they are the failed hosts.
     */
    public record Summary(int total, int passed, int changed, int failed, int unreachable, int skipped) {
        @Override
        public String toString() {
            return total + " hosts: " + passed + " passed (" + changed + " changed), " + failed + " failed, "
                    + unreachable + " unreachable, " + skipped + " skipped";
        }
    }
}
