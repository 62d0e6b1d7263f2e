package io.genja.runner;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Runner} knows about the run it opens lanes for.
 *
 * @param hostCount the hosts the run covers (0 or more)
 * @param workers {@code RunOptions.workers(n)} of this run, else {@code runner.worker_count} of the settings
 *     (default 20); at least 1
 * @param workersRequested whether {@code workers} came from {@code RunOptions.workers(n)} for this run (the
 *     {@code async} runner caps the hosts in flight only then)
 * @param options {@code runner.options} of the settings, as written (empty when not set)
 */
public record RunnerContext(int hostCount, int workers, boolean workersRequested, Map<String, Object> options) {

    public RunnerContext {
        if (hostCount < 0) {
            throw new IllegalArgumentException("hostCount must be 0 or more, not " + hostCount);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be 1 or more, not " + workers);
        }
        options = Map.copyOf(Objects.requireNonNull(options, "options"));
    }
}
