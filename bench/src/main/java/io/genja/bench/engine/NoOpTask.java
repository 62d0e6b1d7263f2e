package io.genja.bench.engine;

import io.genja.annotations.GenjaTask;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;

/** Passes at once: what is left of a run is the engine's own cost. */
@GenjaTask(name = "noop")
public class NoOpTask implements Task {

    private static final HostTaskResult PASSED = HostTaskResult.passed(new TaskSuccess());

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) {
        return PASSED;
    }
}
