package io.genja.task;

import io.genja.inventory.Host;

/**
 * A task that runs on one host at a time and blocks while it works. Annotate the class with
 * {@link io.genja.annotations.GenjaTask}; the runtime creates one instance per host.
 */
public interface Task {

    /** Does the work on {@code host}; a thrown exception becomes that host's {@code FAILED} result. */
    HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception;
}
