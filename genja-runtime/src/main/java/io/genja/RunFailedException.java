package io.genja;

import io.genja.task.TaskResults;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A run finished with a failed host or a processor hook that threw, and the settings ask for an exception
 * ({@code core.raise_on_error: true}). Thrown after every host finished; {@link #results()} has them all.
 */
public class RunFailedException extends GenjaException {

    private static final long serialVersionUID = 1L;
    private static final int HOSTS_NAMED = 10;

    private final transient TaskResults results;

    public RunFailedException(TaskResults results) {
        super(message(Objects.requireNonNull(results, "results")));
        this.results = results;
    }

    /** The complete results of the run. */
    public TaskResults results() {
        return results;
    }

    private static String message(TaskResults results) {
        StringBuilder message = new StringBuilder("task \"").append(results.taskName()).append("\" failed");
        List<String> failed = failedHosts(results);
        if (!failed.isEmpty()) {
            message.append(" on ").append(failed.size()).append(" host(s): ")
                    .append(String.join(", ", failed.subList(0, Math.min(HOSTS_NAMED, failed.size()))))
                    .append(failed.size() > HOSTS_NAMED ? ", ..." : "");
        }
        if (!results.hookErrors().isEmpty()) {
            message.append(failed.isEmpty() ? ": " : "; ").append(results.hookErrors().size())
                    .append(" processor hook(s) threw, the first: ").append(results.hookErrors().get(0));
        }
        return message.append(" (core.raise_on_error is set)").toString();
    }

    /** Hosts that failed in the task or any of its sub-tasks, in inventory order. */
    private static List<String> failedHosts(TaskResults results) {
        Set<String> failed = new LinkedHashSet<>();
        collect(results, failed);
        return results.hosts().stream().filter(failed::contains).toList();
    }

    private static void collect(TaskResults results, Set<String> failed) {
        failed.addAll(results.failedHosts());
        results.subTasks().values().forEach(sub -> collect(sub, failed));
    }
}
