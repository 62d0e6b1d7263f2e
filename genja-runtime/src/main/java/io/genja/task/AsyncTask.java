package io.genja.task;

import io.genja.inventory.Host;
import java.util.concurrent.CompletionStage;

/**
 * A task that does not hold a thread while it waits, for example on
 * {@link TaskRuntimeContext#executeCommandAsync(String)}: thousands of hosts can be in flight on a few threads.
 */
public interface AsyncTask {

    /** Starts the work on {@code host}; an exceptionally completed stage becomes that host's {@code FAILED} result. */
    CompletionStage<HostTaskResult> startAsync(Host host, TaskRuntimeContext context);
}
