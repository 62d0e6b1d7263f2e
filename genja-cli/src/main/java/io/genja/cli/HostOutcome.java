package io.genja.cli;

import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One host's outcome over a whole task tree, as the summary table shows it: the first failure anywhere in the
 * tree decides, else a skipped task, else passed ({@code changed} when any task changed something).
 *
 * @param status {@code ok}, {@code changed}, {@code failed}, {@code unreachable}, {@code skipped}, or
 *     {@code interrupted} when Ctrl-C stopped the run before the host finished (its first failure is
 *     {@code INTERRUPTED})
 * @param detail the task's summary, the failure (kind and message, prefixed by the sub-task's name), or the
 *     reason of a skip
 */
record HostOutcome(String host, String status, Duration duration, String detail) {

    static final String OK = "ok";
    static final String CHANGED = "changed";
    static final String FAILED = "failed";
    static final String UNREACHABLE = "unreachable";
    static final String SKIPPED = "skipped";
    static final String INTERRUPTED = "interrupted";

    /** The outcomes of every host of {@code results}, in inventory order. */
    static List<HostOutcome> of(TaskResults results) {
        List<HostOutcome> outcomes = new ArrayList<>();
        for (String host : results.hosts()) {
            outcomes.add(of(results, host));
        }
        return outcomes;
    }

    static HostOutcome of(TaskResults results, String host) {
        List<Map.Entry<String, HostTaskResult>> tree = new ArrayList<>();
        collect(results, host, true, tree);
        Duration duration = tree.stream().map(e -> e.getValue().duration()).reduce(Duration.ZERO, Duration::plus);
        for (Map.Entry<String, HostTaskResult> node : tree) {
            if (node.getValue() instanceof HostTaskResult.Failed failed) {
                String where = node.getKey().isEmpty() ? "" : node.getKey() + ": ";
                String status = failed.failure().kind() == FailureKind.INTERRUPTED ? INTERRUPTED
                        : failed.failure().isUnreachable() ? UNREACHABLE : FAILED;
                return new HostOutcome(host, status, duration,
                        where + failed.failure().kind() + ": " + failed.failure().message());
            }
        }
        HostTaskResult main = tree.get(0).getValue();
        if (main instanceof HostTaskResult.Skipped skipped) {
            String message = skipped.skip().message();
            return new HostOutcome(host, SKIPPED, duration,
                    skipped.skip().reason() + (message == null ? "" : ": " + message));
        }
        boolean changed = tree.stream().anyMatch(e -> e.getValue() instanceof HostTaskResult.Passed p
                && p.success().changed());
        String summary = main instanceof HostTaskResult.Passed passed && passed.success().summary() != null
                ? passed.success().summary() : "";
        return new HostOutcome(host, changed ? CHANGED : OK, duration, summary);
    }

    /** The host's results in tree order: the task itself (under the name ""), then its sub-tasks depth-first. */
    private static void collect(TaskResults results, String host, boolean root,
                                List<Map.Entry<String, HostTaskResult>> into) {
        HostTaskResult result = results.byHost().get(host);
        if (result != null) {
            into.add(Map.entry(root ? "" : results.taskName(), result));
        }
        for (TaskResults sub : results.subTasks().values()) {
            collect(sub, host, false, into);
        }
    }

    boolean passed() {
        return status.equals(OK) || status.equals(CHANGED);
    }

    boolean failed() {
        return status.equals(FAILED) || status.equals(UNREACHABLE);
    }

    boolean interrupted() {
        return status.equals(INTERRUPTED);
    }
}
