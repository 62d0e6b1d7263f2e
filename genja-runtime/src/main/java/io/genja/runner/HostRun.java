package io.genja.runner;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.internal.util.Exceptions;
import io.genja.inventory.Host;
import io.genja.runner.Execution.Node;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskFailure;
import io.genja.task.TaskInstance;
import io.genja.task.TaskSkip;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One host's walk through the task tree, as a small state machine. {@link #advance()} runs steps until the host
 * is finished or a step waits on a stage; then the stage's completion resumes it on a lane. Steps that are
 * already complete run inline, so a synchronous task costs no future and no thread hop.
 *
 * <p>The host's time budget runs on the run's timer: when it runs out first, the timer records {@code TIMEOUT}
 * for every node without a result, closes the host's connections (so a hung command returns) and interrupts a
 * blocked task; whatever the host's own thread does afterwards is discarded.
 */
final class HostRun {

    private static final int RUNNING = 0;
    private static final int FINISHING = 1;
    private static final int DONE = 2;

    private enum Phase { NODE, CONNECT, CONNECTED, TASK, TASK_DONE, RESULT, FINISH }

    private final Execution run;
    private final Node[] nodes;
    private final int index;
    private final Host host;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(HostRun.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@link #RUNNING}, {@link #FINISHING} or {@link #DONE}; a field with a VarHandle, one object less per host. */
    private volatile int state = RUNNING;

    // Step state: touched by one lane thread at a time, handed over through the lanes' executor.
    private Phase phase = Phase.NODE;
    private int node;
    private int attempt;
    private long nodeStart;
    private Connection connection;
    private CompletableFuture<?> pending;
    private HostTaskResult result;
    private ConnectionException openFailure;
    /** Plugins whose connection could not be opened in this run: later nodes fail at once instead of waiting again. */
    private Map<String, ConnectionException> failedOpens;
    private long hostStart;
    private ScheduledFuture<?> budget;
    /** Whether task code ran on this host: failures before it make the host unreachable. Read by the budget's timer. */
    private volatile boolean taskStarted;

    /**
     * 1 for each sub-task whose {@code onSubTaskStart} ran and whose {@code onSubTaskFinish} is still due (after
     * its whole sub-tree); whoever clears it calls the finish hook, the host's thread or the budget's timer.
     */
    private final AtomicIntegerArray openSubTasks;
    // Guarded by this: the thread blocked in a task or an open, which the budget's timer may interrupt.
    private Thread blockedThread;
    private boolean interruptedByBudget;

    HostRun(Execution run, int index, Host host) {
        this.run = run;
        this.nodes = run.nodes();
        this.index = index;
        this.host = host;
        this.openSubTasks = nodes.length > 1 ? new AtomicIntegerArray(nodes.length) : null;
    }

    /** Starts the host; true if it finished before returning, false if it goes on later (or was taken over). */
    boolean start() {
        hostStart = System.nanoTime();
        run.hooks().hostStart(run.rootInfo(), host);
        run.options().timeout().ifPresent(limit ->
                budget = run.scheduler().schedule(this::budgetExceeded, limit.toNanos(), TimeUnit.NANOSECONDS));
        return advance();
    }

    /** Continues after a stage completed; drains further hosts when this one finishes. */
    private void resume() {
        if (advance()) {
            run.drain();
        }
    }

    private boolean advance() {
        try {
            return steps();
        } catch (Throwable e) {
            // A defect in the engine or a plugin: the host fails, the run goes on.
            return takeOver(TaskFailure.of(FailureKind.INTERNAL, "Genja failed while running host " + host.name()
                    + ": " + e), false);
        }
    }

    private boolean steps() {
        while (true) {
            if (state != RUNNING || run.aborted()) {
                return false;
            }
            switch (phase) {
                case NODE -> {
                    if (node == nodes.length) {
                        phase = Phase.FINISH;
                        continue;
                    }
                    TaskSkip skip = skipReason(nodes[node]);
                    if (skip != null) {
                        run.sink().offer(node, index, HostTaskResult.skipped(skip));
                        closeSubTrees(node);
                        node++;
                        continue;
                    }
                    if (node > 0) {
                        run.hooks().subTaskStart(nodes[node].subTaskHooks(), nodes[node].info(), host);
                        openSubTasks.set(node, 1);
                    }
                    nodeStart = System.nanoTime();
                    run.sink().started(node, index, nodeStart);
                    attempt = 0;
                    phase = Phase.CONNECT;
                }
                case CONNECT -> {
                    String plugin = nodes[node].plugin();
                    if (plugin == null) {
                        connection = null;
                        phase = Phase.TASK;
                        continue;
                    }
                    ConnectionException earlier = failedOpens == null ? null : failedOpens.get(plugin);
                    if (earlier != null) {
                        result = HostTaskResult.failed(failureOf(earlier).withBeforeStart(!taskStarted));
                        attempt = Integer.MAX_VALUE;
                        phase = Phase.RESULT;
                        continue;
                    }
                    CompletableFuture<Connection> opening;
                    enterBlocking();
                    try {
                        opening = run.connections().acquire(host, plugin);
                    } finally {
                        exitBlocking();
                    }
                    if (!opening.isDone()) {
                        return suspend(opening, Phase.CONNECTED);
                    }
                    pending = opening;
                    phase = Phase.CONNECTED;
                }
                case CONNECTED -> {
                    Object opened = outcome(pending);
                    pending = null;
                    if (opened instanceof Connection open) {
                        connection = open;
                        phase = Phase.TASK;
                    } else {
                        openFailure = asConnectionException((Throwable) opened);
                        result = HostTaskResult.failed(failureOf(openFailure).withBeforeStart(!taskStarted));
                        phase = Phase.RESULT;
                    }
                }
                case TASK -> {
                    taskStarted = true;
                    TaskPlan plan = nodes[node].plan();
                    HostContext context = new HostContext(plan.info(), host, connection, plan.options());
                    TaskInstance instance;
                    try {
                        instance = plan.newTask().get();
                    } catch (Throwable e) {
                        result = HostTaskResult.failed(failureOf(e));
                        phase = Phase.RESULT;
                        continue;
                    }
                    if (instance instanceof TaskInstance.Blocking blocking) {
                        result = startTask(blocking.task(), context);
                        phase = Phase.RESULT;
                        continue;
                    }
                    CompletableFuture<HostTaskResult> stage;
                    try {
                        stage = future(((TaskInstance.Async) instance).task().startAsync(host, context));
                    } catch (Throwable e) {
                        stage = CompletableFuture.failedFuture(e);
                    }
                    if (!stage.isDone()) {
                        return suspend(stage, Phase.TASK_DONE);
                    }
                    pending = stage;
                    phase = Phase.TASK_DONE;
                }
                case TASK_DONE -> {
                    Object outcome = outcome(pending);
                    pending = null;
                    result = outcome instanceof Throwable error ? HostTaskResult.failed(failureOf(error))
                            : outcome == null ? noResult() : (HostTaskResult) outcome;
                    phase = Phase.RESULT;
                }
                case RESULT -> {
                    if (result instanceof HostTaskResult.Failed failed && retryable(failed.failure())
                            && attempt < run.options().retries()) {
                        attempt++;
                        openFailure = null;
                        phase = Phase.CONNECT;
                        return retryLater();
                    }
                    if (openFailure != null) {
                        if (failedOpens == null) {
                            failedOpens = new HashMap<>(4);
                        }
                        failedOpens.put(nodes[node].plugin(), openFailure);
                        openFailure = null;
                    }
                    HostTaskResult timed = result.withDuration(Duration.ofNanos(System.nanoTime() - nodeStart));
                    result = null;
                    connection = null;
                    run.sink().offer(node, index, timed);
                    closeSubTrees(node);
                    node++;
                    phase = Phase.NODE;
                }
                case FINISH -> {
                    if (!STATE.compareAndSet(this, RUNNING, FINISHING)) {
                        return false;
                    }
                    if (budget != null) {
                        budget.cancel(false);
                    }
                    finishRoot();
                    state = DONE;
                    run.hostFinished();
                    return true;
                }
                default -> throw new IllegalStateException("unknown phase " + phase);
            }
        }
    }

    /**
     * Node {@code finished} has its result: calls {@code onSubTaskFinish} for it and for every ancestor whose
     * sub-tree ends with it, innermost first.
     */
    private void closeSubTrees(int finished) {
        for (int k = finished; k > 0 && nodes[k].last() == finished; k = nodes[k].parent()) {
            if (openSubTasks.compareAndSet(k, 1, 0)) {
                run.hooks().subTaskFinish(nodes[k].subTaskHooks(), nodes[k].info(), host, run.sink().get(k, index));
            }
        }
    }

    /** The sub-task's parent failed (or was skipped for that) and the run skips sub-tasks of failed parents. */
    private TaskSkip skipReason(Node current) {
        if (current.parent() < 0 || !run.options().skipSubTasksOnFailure()) {
            return null;
        }
        HostTaskResult parent = run.sink().get(current.parent(), index);
        boolean parentFailed = parent.isFailed() || parent instanceof HostTaskResult.Skipped skipped
                && Execution.PARENT_FAILED.equals(skipped.skip().reason());
        return parentFailed ? new TaskSkip(Execution.PARENT_FAILED, "\"" + nodes[current.parent()].info().name()
                + "\" failed on " + host.name()) : null;
    }

    private HostTaskResult startTask(Task task, HostContext context) {
        enterBlocking();
        try {
            HostTaskResult started = task.start(host, context);
            return started != null ? started : noResult();
        } catch (Throwable e) {
            return HostTaskResult.failed(failureOf(e));
        } finally {
            exitBlocking();
        }
    }

    private HostTaskResult noResult() {
        return HostTaskResult.failed(TaskFailure.of(FailureKind.INTERNAL, "task \"" + nodes[node].info().name()
                + "\" returned no result (null) on host " + host.name()));
    }

    /** Parks the host until {@code stage} completes; the drain that ran it moves on to other hosts. */
    private boolean suspend(CompletableFuture<?> stage, Phase next) {
        pending = stage;
        phase = next;
        stage.whenComplete((value, error) -> dispatch());
        return false;
    }

    private boolean retryLater() {
        long delay = backoff(attempt);
        try {
            run.scheduler().schedule(this::dispatch, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The run already ended (it was interrupted); nothing is waiting for this host any more.
        }
        return false;
    }

    private void dispatch() {
        try {
            run.lanes().execute(this::resume);
        } catch (RejectedExecutionException e) {
            // The run already ended; a late stage of a host that was taken over is dropped.
        }
    }

    /** {@code retryBackoff} before the first retry, doubling for each further one. */
    private long backoff(int retry) {
        long base = run.options().retryBackoff().toNanos();
        int shift = Math.min(retry - 1, 30);
        return base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
    }

    private static boolean retryable(TaskFailure failure) {
        return failure.retryable() || failure.kind() == FailureKind.TIMEOUT;
    }

    /** The processors' {@code onHostFinish} may replace the result of the task that was run. */
    private void finishRoot() {
        HostTaskResult root = run.sink().get(0, index);
        HostTaskResult replaced = run.hooks().hostFinish(run.rootInfo(), host, root);
        if (replaced != root) {
            run.sink().replace(0, index, replaced.withDuration(root.duration()));
        }
    }

    /** The timer's side: the budget ran out before the host finished. */
    private void budgetExceeded() {
        TaskFailure failure = new TaskFailure(FailureKind.TIMEOUT, "host " + host.name() + " ran out of its time "
                + "budget of " + Execution.describe(run.options().timeout().orElseThrow()) + " before this task "
                + "finished", null, false, null);
        if (takeOver(failure, true)) {
            try {
                run.lanes().execute(run::drain);
            } catch (RejectedExecutionException e) {
                // The run already ended.
            }
        }
    }

    /**
     * Finishes the host from outside its steps: every node without a result gets {@code failure}, a blocked
     * thread is interrupted, the host's connections are closed.
     *
     * @param budgetRanOut whether the budget ran out (else an engine defect on the host's own thread)
     * @return whether this call finished the host (false if it had already finished)
     */
    private boolean takeOver(TaskFailure failure, boolean budgetRanOut) {
        if (!STATE.compareAndSet(this, RUNNING, DONE)) {
            return false;
        }
        if (budgetRanOut) {
            synchronized (this) {
                if (blockedThread != null) {
                    interruptedByBudget = true;
                    blockedThread.interrupt();
                    run.lanes().threadAbandoned();
                }
            }
            for (String plugin : run.plugins()) {
                run.connections().discard(host.name(), plugin);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - hostStart);
        TaskFailure unfinished = failure.withBeforeStart(!taskStarted);
        for (int k = 0; k < nodes.length; k++) {
            HostTaskResult failed = HostTaskResult.failed(unfinished);
            if (run.sink().get(k, index) == null && run.sink().started(k, index) != 0) {
                failed = failed.withDuration(elapsed);
            }
            run.sink().offer(k, index, failed);
        }
        // Started sub-tasks form a chain of ancestors; deeper ones have higher numbers, so this is innermost first.
        for (int k = nodes.length - 1; k > 0; k--) {
            if (openSubTasks.compareAndSet(k, 1, 0)) {
                run.hooks().subTaskFinish(nodes[k].subTaskHooks(), nodes[k].info(), host, run.sink().get(k, index));
            }
        }
        finishRoot();
        run.hostFinished();
        return true;
    }

    private synchronized void enterBlocking() {
        blockedThread = Thread.currentThread();
    }

    private synchronized void exitBlocking() {
        blockedThread = null;
        if (interruptedByBudget) {
            // The interrupt was meant for the task that ran out of time, not for the next one on this thread.
            Thread.interrupted();
            interruptedByBudget = false;
            run.lanes().abandonedThreadReturned();
        }
    }

    /** The value of a completed future, or the {@link Throwable} it failed with (unwrapped). */
    private static Object outcome(CompletableFuture<?> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            return Exceptions.unwrap(e);
        }
    }

    private static ConnectionException asConnectionException(Throwable error) {
        return error instanceof ConnectionException connection ? connection
                : new ConnectionException(FailureKind.CONNECTION, error.getMessage() != null ? error.getMessage()
                        : error.toString(), error);
    }

    /** A thrown exception as a failure: a connection's kind and retryability are kept. */
    private static TaskFailure failureOf(Throwable error) {
        Throwable cause = Exceptions.unwrap(error);
        if (cause instanceof ConnectionException connection) {
            return new TaskFailure(connection.kind(), connection.getMessage() == null
                    ? connection.getClass().getSimpleName() : connection.getMessage(),
                    connection.getClass().getName(), connection.retryable(), null);
        }
        return TaskFailure.fromException(cause);
    }

    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> future(CompletionStage<T> stage) {
        if (stage == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (stage instanceof CompletableFuture<?> future) {
            return (CompletableFuture<T>) future;
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        stage.whenComplete((value, error) -> {
            if (error == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(error);
            }
        });
        return future;
    }
}
