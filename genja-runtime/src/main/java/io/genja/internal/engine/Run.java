package io.genja.internal.engine;

import io.genja.inventory.Host;
import io.genja.runner.Lanes;
import io.genja.runner.Runner;
import io.genja.runner.RunnerContext;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskFailure;
import io.genja.task.TaskInfo;
import io.genja.task.TaskProcessor;
import io.genja.task.TaskResults;
import io.genja.task.TaskSkip;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a planned task tree over a list of hosts: every host gets exactly one result per task node.
 *
 * <p>The runner's lanes start {@link Lanes#parallelism()} host loops ({@link #drain()}). A loop claims the next host
 * in inventory order while {@link Admission} has a permit and runs its {@link HostPipeline} until the host is done
 * or waits on a stage; either way it claims the next host. A host that waited goes on, on a lane, when its stage
 * completes; when it finishes there, that lane drains on. The run ends when every host has its results.
 */
public final class Run {

    /** The reason recorded for sub-tasks skipped because their parent failed. */
    public static final String PARENT_FAILED = "parent failed";
    /** The reason recorded for hosts skipped because they failed in an earlier run. */
    public static final String FAILED_EARLIER = "failed earlier";

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);

    private final Node[] nodes;
    private final List<Host> hosts;
    private final int hostCount;
    private final RunSpec spec;
    private final ConnectionManager connections;
    private final Set<String> failedHosts;
    private final Set<String> failedBefore;
    private final Hooks hooks;
    private final Runner runner;
    private final RunnerContext runnerContext;
    private final List<String> plugins;
    private final ResultSink sink;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;
    /** Set before the first host starts and read by every host (the lanes' executor orders it). */
    private Lanes lanes;
    private Admission admission;
    private ScheduledExecutorService scheduler;
    private DaemonThreads timerThread;
    /** The thread that called {@code run}; lanes like {@code serial}'s run hosts on it. */
    private Thread caller;
    private volatile boolean aborted;

    private Run(TaskPlan plan, List<Host> hosts, RunSpec spec, ConnectionManager connections,
                Set<String> failedHosts) {
        this.hosts = hosts;
        this.hostCount = hosts.size();
        this.spec = spec;
        this.connections = connections;
        this.failedHosts = failedHosts;
        this.failedBefore = spec.skipFailedHosts() ? Set.copyOf(failedHosts) : Set.of();
        this.runner = spec.runner();
        this.runnerContext = spec.runnerContext();
        this.hooks = new Hooks(distinct(plan.processors(), spec.processors()));
        List<Node> flat = new ArrayList<>();
        flatten(plan, -1, flat);
        this.nodes = flat.toArray(Node[]::new);
        Set<String> names = new LinkedHashSet<>();
        for (Node node : nodes) {
            if (node.plugin() != null) {
                names.add(node.plugin());
            }
        }
        this.plugins = List.copyOf(names);
        this.sink = new ResultSink(nodes.length, hostCount);
        this.done = new CountDownLatch(hostCount);
    }

    /**
     * Runs {@code plan} on {@code hosts} as {@code spec} says, and returns when every host has its results.
     *
     * @param failedHosts the names of hosts that failed in earlier runs; hosts that fail now are added
     */
    public static TaskResults run(TaskPlan plan, List<Host> hosts, RunSpec spec, ConnectionManager connections,
                                  Set<String> failedHosts) {
        return new Run(plan, List.copyOf(hosts), spec, connections, failedHosts).run();
    }

    private TaskResults run() {
        LOG.debug("running task \"{}\" on {} host(s) with {} ({})", rootInfo().name(), hostCount, runner.name(),
                spec);
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        caller = Thread.currentThread();
        hooks.taskStart(rootInfo(), hosts);
        lanes = runner.open(runnerContext);
        admission = new Admission(lanes.maxInFlight());
        if (spec.timeout() != null || spec.retries() > 0) {
            timerThread = new DaemonThreads("genja-timer-");
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, timerThread);
            timer.setRemoveOnCancelPolicy(true);
            scheduler = timer;
        }
        boolean interrupted = false;
        try {
            for (int i = Math.min(Math.min(lanes.parallelism(), lanes.maxInFlight()), hostCount); i > 0; i--) {
                lanes.execute(this::drain);
            }
            lanes.await(done);
        } catch (InterruptedException e) {
            interrupted = true;
            abort();
        } finally {
            lanes.close();
            stopScheduler();
        }
        long endNanos = System.nanoTime();
        Instant finishedAt = startedAt.plusNanos(endNanos - startNanos);
        TaskResults results = assemble(0, startedAt, startNanos, finishedAt);
        rememberFailedHosts();
        hooks.taskFinish(rootInfo(), results);
        results = results.withHookErrors(hooks.errors());
        LOG.debug("task \"{}\" finished in {}: {}", rootInfo().name(), results.duration(), results.summary());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return results;
    }

    private void stopScheduler() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        timerThread.join(1_000);
    }

    /** A host loop: claims hosts in inventory order and runs them while hosts and admission permits are left. */
    void drain() {
        while (!aborted() && admission.tryEnter()) {
            int index = next.getAndIncrement();
            if (index >= hostCount) {
                admission.leave();
                return;
            }
            Host host = hosts.get(index);
            if (failedBefore.contains(host.name())) {
                skipFailedEarlier(index, host);
                hostFinished();
                continue;
            }
            // Done or waiting on a stage, the loop goes on: a waiting host keeps its permit.
            new HostPipeline(this, index, host).start();
        }
    }

    /** A host has all its results: its permit returns and the run counts it as done. */
    void hostFinished() {
        admission.leave();
        done.countDown();
    }

    /** Runs {@code step} on a lane; after the run ended (it was interrupted) the step is dropped. */
    void dispatch(Runnable step) {
        try {
            lanes.execute(step);
        } catch (RejectedExecutionException e) {
            // Nothing waits for this host any more.
        }
    }

    /** The lanes as an executor for a host's stages; never throws, see {@link #dispatch}. */
    Executor executor() {
        return this::dispatch;
    }

    private void skipFailedEarlier(int index, Host host) {
        HostTaskResult skipped = HostTaskResult.skipped(new TaskSkip(FAILED_EARLIER, "host " + host.name()
                + " failed in an earlier run; recoverHost(\"" + host.name() + "\") to run it again"));
        for (int node = 0; node < nodes.length; node++) {
            sink.offer(node, index, skipped);
        }
    }

    /**
     * The caller was interrupted: stop claiming hosts and give every missing result an {@code INTERRUPTED} failure,
     * which says whether the task had started on the host. What a host still running records afterwards is
     * discarded (the first result per node wins).
     */
    private void abort() {
        aborted = true;
        next.set(hostCount);
        long now = System.nanoTime();
        for (int node = 0; node < nodes.length; node++) {
            for (int host = 0; host < hostCount; host++) {
                if (sink.get(node, host) == null) {
                    sink.offer(node, host, interrupted(node, host, now));
                }
            }
        }
    }

    private HostTaskResult interrupted(int node, int host, long now) {
        long started = sink.started(node, host);
        if (started == 0) {
            return HostTaskResult.failed(TaskFailure.of(FailureKind.INTERRUPTED,
                    "the run was interrupted before this task started on this host"));
        }
        return HostTaskResult.failed(TaskFailure.of(FailureKind.INTERRUPTED,
                "the run was interrupted before this task finished on this host"))
                .withDuration(Duration.ofNanos(now - started));
    }

    private TaskResults assemble(int index, Instant runStart, long runStartNanos, Instant runEnd) {
        Node node = nodes[index];
        Map<String, HostTaskResult> results = new LinkedHashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int host = 0; host < hostCount; host++) {
            HostTaskResult result = sink.get(index, host);
            results.put(hosts.get(host).name(), result);
            long started = sink.started(index, host);
            if (started != 0) {
                first = Math.min(first, started);
                last = Math.max(last, started + result.duration().toNanos());
            }
        }
        Map<String, TaskResults> subTasks = new LinkedHashMap<>();
        for (int child : node.children()) {
            TaskResults sub = assemble(child, runStart, runStartNanos, runEnd);
            subTasks.put(sub.taskName(), sub);
        }
        Instant start = runStart;
        Instant end = runEnd;
        if (index > 0) {
            start = first == Long.MAX_VALUE ? runStart : runStart.plusNanos(first - runStartNanos);
            end = last == Long.MIN_VALUE ? start : runStart.plusNanos(last - runStartNanos);
        }
        return new TaskResults(node.info().name(), results, subTasks, start, end, List.of());
    }

    private void rememberFailedHosts() {
        for (int host = 0; host < hostCount; host++) {
            for (int node = 0; node < nodes.length; node++) {
                if (sink.get(node, host).isFailed()) {
                    failedHosts.add(hosts.get(host).name());
                    break;
                }
            }
        }
    }

    Node[] nodes() {
        return nodes;
    }

    TaskInfo rootInfo() {
        return nodes[0].info();
    }

    ResultSink sink() {
        return sink;
    }

    Hooks hooks() {
        return hooks;
    }

    Lanes lanes() {
        return lanes;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ConnectionManager connections() {
        return connections;
    }

    RunSpec spec() {
        return spec;
    }

    /** The connection plugins of the task tree, each once. */
    List<String> plugins() {
        return plugins;
    }

    /**
     * Whether the run was interrupted. Lanes that run hosts on the calling thread ({@code serial}) see the interrupt
     * here first, in the middle of a host: the run aborts at once, so that what the interrupted step returns (a
     * command "interrupted while waiting") is not recorded as the host's own failure.
     */
    boolean aborted() {
        if (!aborted && Thread.currentThread() == caller && caller.isInterrupted()) {
            abort();
        }
        return aborted;
    }

    /** Adds {@code plan} and its sub-tasks in the order a host runs them: parent first, then each sub-tree. */
    private int flatten(TaskPlan plan, int parent, List<Node> flat) {
        int index = flat.size();
        flat.add(null);
        int[] children = new int[plan.subTasks().size()];
        for (int i = 0; i < children.length; i++) {
            children[i] = flatten(plan.subTasks().get(i), index, flat);
        }
        List<TaskProcessor> subTaskHooks = parent < 0 ? List.of() : distinct(hooks.processors(), plan.processors());
        flat.set(index, new Node(plan, parent, children, flat.size() - 1, subTaskHooks));
        return index;
    }

    private static List<TaskProcessor> distinct(List<TaskProcessor> first, List<TaskProcessor> second) {
        Set<TaskProcessor> all = Collections.newSetFromMap(new IdentityHashMap<>());
        List<TaskProcessor> ordered = new ArrayList<>();
        for (List<TaskProcessor> list : List.of(first, second)) {
            for (TaskProcessor processor : list) {
                if (all.add(processor)) {
                    ordered.add(processor);
                }
            }
        }
        return List.copyOf(ordered);
    }

    /** Formats a time budget for messages: {@code 1 s}, {@code 1500 ms}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /**
     * One node of the task tree, numbered in the order a host runs them.
     *
     * @param parent the parent's number, or -1 for the task that was run
     * @param children the sub-tasks' numbers, in declared order
     * @param last the number of the last node of this node's sub-tree (itself when it has no sub-tasks)
     * @param subTaskHooks the processors whose {@code onSubTask*} hooks run around this node and its sub-tree
     */
    record Node(TaskPlan plan, int parent, int[] children, int last, List<TaskProcessor> subTaskHooks) {
        TaskInfo info() {
            return plan.info();
        }

        String plugin() {
            return plan.info().connectionPlugin();
        }
    }
}
