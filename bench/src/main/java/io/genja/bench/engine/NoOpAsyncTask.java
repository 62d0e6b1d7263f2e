package io.genja.bench.engine;

import io.genja.annotations.GenjaTask;
import io.genja.inventory.Host;
import io.genja.task.AsyncTask;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The asynchronous form of {@link NoOpTask}: completes at once, without a thread of its own. */
@GenjaTask(name = "noop_async")
public class NoOpAsyncTask implements AsyncTask {

    private static final CompletionStage<HostTaskResult> PASSED =
            CompletableFuture.completedFuture(HostTaskResult.passed(new TaskSuccess()));

    @Override
    public CompletionStage<HostTaskResult> startAsync(Host host, TaskRuntimeContext context) {
        return PASSED;
    }
}
