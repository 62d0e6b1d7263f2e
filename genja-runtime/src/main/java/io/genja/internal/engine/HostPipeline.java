package io.genja.internal.engine;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.inventory.Host;
import io.genja.internal.engine.Run.Node;
import io.genja.connection.AsyncFailures;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskFailure;
import io.genja.task.TaskSkip;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BiFunction;

/**
 * One host's way through the task tree, top to bottom:
 * <pre>
 *   start     onHostStart; the host's time budget starts
 *   each node (the task, then its sub-tasks depth first, in declared order)
 *     skip      when its parent failed and the run skips sub-tasks of failed parents
 *     connect   the node's connection plugin, opened once per host and plugin
 *     invoke    the task
 *     retry     a retryable failure, after a back-off, from connect
 *     record    the node's one result; onSubTaskFinish when a sub-tree ends
 *   finish    onHostFinish; the budget stops; the admission permit returns
 * </pre>
 * A step whose stage is already complete goes on inline, on the same thread: a synchronous task costs no thread
 * hop. A step that waits (an {@code AsyncTask}, an asynchronous open, a back-off) holds no thread; the host goes on
 * on one of the runner's lanes when it completes ({@link #then}).
 *
 * <p>If the host's {@link TimeBudget} runs out first, {@link #outOfTime()} finishes the host from the timer's
 * thread; whatever the host's own steps do afterwards is discarded (the first result per node wins, and
 * {@link #finished} lets one side finish the host).
 */
final class HostPipeline {

    private static final CompletableFuture<Connection> NO_CONNECTION = CompletableFuture.completedFuture(null);

    private final Run run;
    private final Node[] nodes;
    private final int index;
    private final Host host;
    private final ResultSink sink;
    private final TimeBudget budget;
    /** Whoever sets it finishes the host: its own steps, or the budget's timer. */
    private final AtomicBoolean finished = new AtomicBoolean();
    /**
     * 1 for each sub-task whose {@code onSubTaskStart} ran and whose {@code onSubTaskFinish} is still due (after its
     * whole sub-tree); whoever clears it calls the finish hook, the host's steps or the budget's timer.
     */
    private final AtomicIntegerArray subTaskFinishDue;
    /** Whether task code ran on this host: failures before it make the host unreachable. Read by the timer. */
    private volatile boolean taskStarted;
    private long hostStart;
    // Touched by one thread at a time, handed on through the stages and the lanes' executor.
    /** Plugins whose connection could not be opened in this run: later nodes fail at once instead of waiting again. */
    private Map<String, ConnectionException> failedOpens;
    /** Why the current node's connection did not open, if it did not. */
    private ConnectionException openFailure;

    HostPipeline(Run run, int index, Host host) {
        this.run = run;
        this.nodes = run.nodes();
        this.index = index;
        this.host = host;
        this.sink = run.sink();
        this.budget = run.spec().hostBudget().isPresent() ? new TimeBudget(run.lanes(), this::outOfTime)
                : TimeBudget.NONE;
        this.subTaskFinishDue = nodes.length > 1 ? new AtomicIntegerArray(nodes.length) : null;
    }

    /** Starts the host; it is done when this returns, or goes on later on a lane. */
    void start() {
        hostStart = System.nanoTime();
        run.hooks().hostStart(run.rootInfo(), host);
        run.spec().hostBudget().ifPresent(limit -> budget.start(run.scheduler(), limit));
        try {
            nodesFrom(0);
        } catch (Throwable e) {
            engineFailed(e);
        }
    }

    /** Runs the nodes from {@code first} on, inline while each completes at once. */
    private void nodesFrom(int first) {
        for (int node = first; node < nodes.length; node++) {
            if (stopped()) {
                return;
            }
            CompletableFuture<HostTaskResult> result = runNode(node);
            if (!result.isDone()) {
                int waiting = node;
                result.whenComplete((value, error) -> run.dispatch(() -> resume(waiting, value, error)));
                return;
            }
            record(node, result.join());
        }
        finish();
    }

    /** The node waited on a stage and is complete now: record it and go on, on a lane. */
    private void resume(int node, HostTaskResult result, Throwable defect) {
        try {
            if (defect != null) {
                throw defect;
            }
            record(node, result);
            nodesFrom(node + 1);
        } catch (Throwable e) {
            engineFailed(e);
        }
        if (finished.get()) {
            run.drain();
        }
    }

    /** One node: its skip check and hooks, then connect → invoke → retry. */
    private CompletableFuture<HostTaskResult> runNode(int node) {
        TaskSkip skip = skipReason(nodes[node]);
        if (skip != null) {
            return CompletableFuture.completedFuture(HostTaskResult.skipped(skip));
        }
        if (node > 0) {
            run.hooks().subTaskStart(nodes[node].subTaskHooks(), nodes[node].info(), host);
            subTaskFinishDue.set(node, 1);
        }
        sink.started(node, index, System.nanoTime());
        return attempt(node, 0);
    }

    /** connect → invoke, then retry while the failure is retryable and retries are left. */
    private CompletableFuture<HostTaskResult> attempt(int node, int attempt) {
        openFailure = null;
        ConnectionException earlier = failedOpens == null ? null : failedOpens.get(nodes[node].plugin());
        if (earlier != null) {
            return CompletableFuture.completedFuture(HostTaskResult.failed(
                    failureOf(earlier).withBeforeStart(!taskStarted)));
        }
        CompletableFuture<HostTaskResult> tried = then(connect(nodes[node]), (connection, error) -> {
            if (error != null) {
                openFailure = asConnectionException(error);
                return CompletableFuture.completedFuture(HostTaskResult.failed(
                        failureOf(openFailure).withBeforeStart(!taskStarted)));
            }
            return invoke(node, connection);
        });
        return then(tried, (result, error) -> {
            HostTaskResult outcome = error != null ? HostTaskResult.failed(failureOf(error))
                    : result != null ? result : noResult(node);
            if (outcome instanceof HostTaskResult.Failed failed && retryable(failed.failure())
                    && attempt < run.spec().retries() && !stopped()) {
                return then(backoff(attempt + 1), (ignored, never) -> attempt(node, attempt + 1));
            }
            if (openFailure != null) {
                rememberFailedOpen(nodes[node].plugin(), openFailure);
            }
            return CompletableFuture.completedFuture(outcome);
        });
    }

    /** The node's connection: none, the open one (opened or reopened when needed), or why it did not open. */
    private CompletableFuture<Connection> connect(Node node) {
        String plugin = node.plugin();
        if (plugin == null) {
            return NO_CONNECTION;
        }
        try {
            // A plugin without a real openAsync opens on this thread: the budget may have to interrupt it.
            return budget.blocking(() -> run.connections().acquire(host, plugin));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Starts the task: a {@code Task} runs to its end here, an {@code AsyncTask} returns its stage. */
    private CompletableFuture<HostTaskResult> invoke(int node, Connection connection) {
        if (stopped()) {
            return CompletableFuture.completedFuture(null);
        }
        taskStarted = true;
        TaskPlan plan = nodes[node].plan();
        HostContext context = new HostContext(plan.info(), host, connection, plan.options(), run.hooks(),
                run.spec().parsingTemplatesDir());
        try {
            return future(budget.blocking(() -> plan.invoke(host, context)));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The node has its result: record it, timed from the node's start over every attempt (a skipped node never
     * started), and close the sub-trees that end with it.
     */
    private void record(int node, HostTaskResult result) {
        if (stopped()) {
            return;
        }
        long started = sink.started(node, index);
        sink.offer(node, index, started == 0 ? result : result.withDuration(Duration.ofNanos(System.nanoTime()
                - started)));
        for (int k = node; k > 0 && nodes[k].last() == node; k = nodes[k].parent()) {
            if (subTaskFinishDue.compareAndSet(k, 1, 0)) {
                run.hooks().subTaskFinish(nodes[k].subTaskHooks(), nodes[k].info(), host, sink.get(k, index));
            }
        }
    }

    /** Every node has its result: {@code onHostFinish}, then the host's permit returns. */
    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        budget.cancel();
        finishRoot();
        run.connections().hostFinished(host.name(), run.plugins());
        run.hostFinished(index);
    }

    /** The timer's side: the budget ran out before the host finished. */
    private void outOfTime() {
        TaskFailure failure = new TaskFailure(FailureKind.TIMEOUT, "host " + host.name() + " ran out of its time "
                + "budget of " + Run.describe(run.spec().hostBudget().orElseThrow()) + " before this task "
                + "finished", null, false, null);
        if (giveUp(failure, true)) {
            run.dispatch(run::drain);
        }
    }

    /**
     * Finishes the host from outside its steps: every node without a result gets {@code failure}; if the budget ran
     * out, a blocked step is interrupted and the host's connections are closed (so a hung command returns).
     *
     * @return whether this call finished the host (false if it had already finished)
     */
    private boolean giveUp(TaskFailure failure, boolean budgetRanOut) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - hostStart);
        TaskFailure unfinished = failure.withBeforeStart(!taskStarted);
        for (int k = 0; k < nodes.length; k++) {
            HostTaskResult failed = HostTaskResult.failed(unfinished);
            sink.offer(k, index, sink.started(k, index) != 0 ? failed.withDuration(elapsed) : failed);
        }
        // Only now that every node has its result: what the interrupted step returns cannot take a slot.
        if (budgetRanOut) {
            budget.interruptBlockedStep();
            for (String plugin : run.plugins()) {
                run.connections().discard(host.name(), plugin);
            }
        } else {
            budget.cancel();
        }
        // Started sub-tasks form a chain of ancestors; deeper ones have higher numbers, so this is innermost first.
        for (int k = nodes.length - 1; k > 0; k--) {
            if (subTaskFinishDue.compareAndSet(k, 1, 0)) {
                run.hooks().subTaskFinish(nodes[k].subTaskHooks(), nodes[k].info(), host, sink.get(k, index));
            }
        }
        finishRoot();
        run.connections().hostFinished(host.name(), run.plugins());
        run.hostFinished(index);
        return true;
    }

    /** The processors' {@code onHostFinish} may replace the result of the task that was run. */
    private void finishRoot() {
        HostTaskResult root = sink.get(0, index);
        HostTaskResult replaced = run.hooks().hostFinish(run.rootInfo(), host, root);
        if (replaced != root) {
            sink.replace(0, index, replaced.withDuration(root.duration()));
        }
    }

    /** A defect in the engine or a plugin: the host fails with {@code INTERNAL}, and the run goes on. */
    private void engineFailed(Throwable defect) {
        giveUp(TaskFailure.of(FailureKind.INTERNAL, "Genja failed while running host " + host.name() + ": "
                + AsyncFailures.unwrap(defect)), false);
    }

    /** The budget ran out or the run was interrupted: the host's remaining steps are not run. */
    private boolean stopped() {
        return finished.get() || run.aborted();
    }

    /**
     * {@code next} applied to the outcome of {@code stage} (its value, or the error it failed with, unwrapped): at
     * once when the stage is complete, else on a lane when it completes, never on the thread that completed it.
     */
    private <T, U> CompletableFuture<U> then(CompletableFuture<T> stage,
                                             BiFunction<T, Throwable, CompletableFuture<U>> next) {
        if (!stage.isDone()) {
            return stage.handleAsync((value, error) -> next.apply(value, error == null ? null : AsyncFailures.unwrap(error)),
                    run.executor()).thenCompose(future -> future);
        }
        try {
            return next.apply(stage.join(), null);
        } catch (CompletionException | CancellationException e) {
            return next.apply(null, AsyncFailures.unwrap(e));
        }
    }

    /** Completes after the back-off before retry {@code retry}: {@code retryBackoff}, doubling for each further one. */
    private CompletableFuture<Void> backoff(int retry) {
        long base = run.spec().retryBackoff().toNanos();
        int shift = Math.min(retry - 1, 30);
        long delay = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        CompletableFuture<Void> waited = new CompletableFuture<>();
        try {
            run.scheduler().schedule(() -> waited.complete(null), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The run already ended (it was interrupted); nothing waits for this host any more.
        }
        return waited;
    }

    private void rememberFailedOpen(String plugin, ConnectionException failure) {
        if (failedOpens == null) {
            failedOpens = new HashMap<>(4);
        }
        failedOpens.put(plugin, failure);
    }

    /** The sub-task's parent failed (or was skipped for that) and the run skips sub-tasks of failed parents. */
    private TaskSkip skipReason(Node current) {
        if (current.parent() < 0 || !run.spec().skipSubTasksOnFailure()) {
            return null;
        }
        HostTaskResult parent = sink.get(current.parent(), index);
        boolean parentFailed = parent.isFailed() || parent instanceof HostTaskResult.Skipped skipped
                && Run.PARENT_FAILED.equals(skipped.skip().reason());
        return parentFailed ? new TaskSkip(Run.PARENT_FAILED, "\"" + nodes[current.parent()].info().name()
                + "\" failed on " + host.name()) : null;
    }

    private HostTaskResult noResult(int node) {
        return HostTaskResult.failed(TaskFailure.of(FailureKind.INTERNAL, "task \"" + nodes[node].info().name()
                + "\" returned no result (null) on host " + host.name()));
    }

    /** An {@code AsyncTask}'s stage as a future; {@code null} (a task returning no stage) completes with no result. */
    private static CompletableFuture<HostTaskResult> future(CompletionStage<HostTaskResult> stage) {
        if (stage == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (stage instanceof CompletableFuture<HostTaskResult> future) {
            return future;
        }
        CompletableFuture<HostTaskResult> future = new CompletableFuture<>();
        stage.whenComplete((value, error) -> {
            if (error == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(error);
            }
        });
        return future;
    }

    private static boolean retryable(TaskFailure failure) {
        return failure.retryable() || failure.kind() == FailureKind.TIMEOUT;
    }

    private static ConnectionException asConnectionException(Throwable error) {
        return error instanceof ConnectionException connection ? connection
                : new ConnectionException(FailureKind.CONNECTION, error.getMessage() != null ? error.getMessage()
                        : error.toString(), error);
    }

    /** A thrown exception as a failure ({@link TaskFailure#fromException}: kinds and retryability kept). */
    private static TaskFailure failureOf(Throwable error) {
        return TaskFailure.fromException(error);
    }
}
