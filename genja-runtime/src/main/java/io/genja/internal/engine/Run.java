package io.genja.internal.engine;

import io.genja.inventory.Host;
import io.genja.rollout.Batch;
import io.genja.rollout.BatchOutcome;
import io.genja.rollout.HostOrder;
import io.genja.rollout.Rollout;
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
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a planned task tree over a list of hosts: every host gets exactly one result per task node.
 *
 * <p>In front of the hosts sits the rollout: a {@link BatchPlan} puts the hosts in order and cuts them into batches,
 * and each batch runs to its end before the next one starts. For a batch, the runner's lanes start
 * {@link Lanes#parallelism()} host loops ({@link #drain()}). A loop claims the batch's next host from its
 * {@link HostQueue} (which keeps the throttles) while {@link Admission} has a permit and runs its
 * {@link HostPipeline} until the host is done or waits on a stage; either way it claims the next host. A host that
 * waited goes on, on a lane, when its stage completes; when it finishes there, that lane drains on. After a batch,
 * the rollout's thresholds decide whether the next one starts; hosts it never starts get a {@code SKIPPED} result.
 * The run ends when every host has its results.
 */
public final class Run {

    /** The reason recorded for sub-tasks skipped because their parent failed. */
    public static final String PARENT_FAILED = "parent failed";
    /** The reason recorded for hosts skipped because they failed in an earlier run. */
    public static final String FAILED_EARLIER = "failed earlier";
    /** The reason recorded for hosts a rollout did not start because a failure threshold was crossed. */
    public static final String ROLLOUT_STOPPED = "rollout stopped";

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
    /** The rollout as it applies: settings and options merged, a shuffle's seed drawn. */
    private final Rollout rollout;
    private final BatchPlan batches;
    private final ThrottleSlots throttles;
    /** The batch running now: its hosts still to start, and its hosts still to finish. */
    private volatile HostQueue queue;
    private volatile CountDownLatch batchDone;
    private volatile int batchNumber;
    /** Why the rollout stopped, once it did; hosts not started then are skipped with it. */
    private final AtomicReference<String> stopReason = new AtomicReference<>();
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
        this.rollout = withSeed(spec.rollout());
        this.batches = BatchPlan.of(hosts, rollout);
        this.throttles = ThrottleSlots.of(rollout.throttles(), hosts);
    }

    /** A shuffle without a seed gets one, logged so that the order can be replayed. */
    private Rollout withSeed(Rollout requested) {
        if (requested.order() != HostOrder.SHUFFLE || requested.seed().isPresent()) {
            return requested;
        }
        long seed = ThreadLocalRandom.current().nextLong();
        LOG.info("task \"{}\": hosts shuffled with seed {}; RunOptions.seed({}) or genja run --seed {} replays this "
                + "order", nodes[0].info().name(), seed, seed, seed);
        return requested.seed(seed);
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
            for (int batch = 0; batch < batches.batchCount() && !interrupted; batch++) {
                interrupted = !runBatch(batch);
            }
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

    /**
     * Runs one batch to its end and judges it; once the rollout has stopped, records its hosts as skipped instead.
     *
     * @return false when the run was interrupted
     */
    private boolean runBatch(int index) {
        int[] members = batches.hostsOf(index);
        String stopped = stopReason.get();
        if (stopped != null) {
            for (int host : members) {
                skipNotStarted(host, stopped);
            }
            return true;
        }
        Batch batch = new Batch(index + 1, batches.batchCount(), batchHosts(members), rollout);
        hooks.batchStart(rootInfo(), batch);
        batchNumber = index + 1;
        batchDone = new CountDownLatch(members.length);
        queue = new HostQueue(members, throttles);
        for (int i = Math.min(Math.min(lanes.parallelism(), lanes.maxInFlight()), members.length); i > 0; i--) {
            lanes.execute(this::drain);
        }
        try {
            lanes.await(batchDone);
        } catch (InterruptedException e) {
            abort();
            return false;
        }
        hooks.batchFinish(rootInfo(), batch, judge(batch, members));
        return true;
    }

    /** The batch's hosts in the order they start (the run's own list when that is the inventory's, as usual). */
    private List<Host> batchHosts(int[] members) {
        if (members.length == hostCount && batches.inInventoryOrder()) {
            return hosts;
        }
        List<Host> list = new ArrayList<>(members.length);
        for (int host : members) {
            list.add(hosts.get(host));
        }
        return list;
    }

    /**
     * After a batch: the hosts that count as failed, and whether the rollout stops (Ansible's rules, judged over
     * the whole batch: more than {@code max_fail_percentage} failed, or any failed with {@code any_errors_fatal}, or
     * every host failed). A rollout stops only while hosts are left to start.
     */
    private BatchOutcome judge(Batch batch, int[] members) {
        List<String> failed = new ArrayList<>();
        for (int host : members) {
            if (countsAsFailed(host)) {
                failed.add(hosts.get(host).name());
            }
        }
        String reason = stopReason.get();
        boolean hostsLeft = batch.number() < batch.count();
        if (reason == null && hostsLeft && !failed.isEmpty()) {
            String counted = failed.size() + " of " + members.length + (members.length == 1 ? " host" : " hosts")
                    + " failed";
            double percent = failed.size() * 100.0 / members.length;
            OptionalDouble limit = rollout.maxFailPercentage();
            if (limit.isPresent() && percent > limit.getAsDouble()) {
                reason = "after " + batch + ", " + counted + " (" + Rollout.formatPercentage(
                        Math.round(percent * 10) / 10.0) + "%): more than max_fail_percentage "
                        + Rollout.formatPercentage(limit.getAsDouble()) + "%";
            } else if (rollout.anyErrorsFatal()) {
                reason = "after " + batch + ", " + counted + ": any_errors_fatal is set";
            } else if (failed.size() == members.length) {
                reason = "after " + batch + ", every host failed (" + counted + ")";
            }
            if (reason != null && stopReason.compareAndSet(null, reason)) {
                LOG.warn("task \"{}\": the rollout stopped {}", rootInfo().name(), reason);
            }
        }
        return new BatchOutcome(failed, stopReason.get());
    }

    /**
     * Whether {@code host} failed in a way the rollout counts: any node failed, unreachable ones unless the rollout
     * ignores them; an interrupted host is not the host's own failure.
     */
    private boolean countsAsFailed(int host) {
        for (int node = 0; node < nodes.length; node++) {
            if (sink.get(node, host) instanceof HostTaskResult.Failed failed
                    && failed.failure().kind() != FailureKind.INTERRUPTED
                    && !(rollout.ignoreUnreachable() && failed.failure().isUnreachable())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code any_errors_fatal}: the first failed host stops the rollout at once. Hosts of the batch already running
     * finish; those not started yet, here and in later batches, are skipped.
     */
    private void stopAtFailure(int host) {
        HostQueue current = queue;
        int[] notStarted = current.stop();
        boolean hostsLeft = notStarted.length > 0 || batchNumber < batches.batchCount();
        String reason = "in batch " + batchNumber + " of " + batches.batchCount() + ", " + hosts.get(host).name()
                + " failed: any_errors_fatal is set";
        if (hostsLeft && stopReason.compareAndSet(null, reason)) {
            LOG.warn("task \"{}\": the rollout stopped {}", rootInfo().name(), reason);
        }
        for (int skipped : notStarted) {
            skipNotStarted(skipped, stopReason.get());
            batchDone.countDown(); // never claimed: it holds no permit and no throttle slot
        }
    }

    private void skipNotStarted(int host, String reason) {
        HostTaskResult skipped = HostTaskResult.skipped(new TaskSkip(ROLLOUT_STOPPED, reason));
        for (int node = 0; node < nodes.length; node++) {
            sink.offer(node, host, skipped);
        }
    }

    private void stopScheduler() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        timerThread.join(1_000);
    }

    /**
     * A host loop: claims the batch's hosts in order and runs them while hosts and admission permits are left (and,
     * with throttles, while a waiting host has room).
     */
    void drain() {
        while (!aborted() && admission.tryEnter()) {
            int index = queue.claim();
            if (index < 0) {
                admission.leave();
                return;
            }
            Host host = hosts.get(index);
            if (failedBefore.contains(host.name())) {
                skipFailedEarlier(index, host);
                hostFinished(index);
                continue;
            }
            // Done or waiting on a stage, the loop goes on: a waiting host keeps its permit.
            new HostPipeline(this, index, host).start();
        }
    }

    /**
     * A host has all its results: with {@code any_errors_fatal} its failure stops the rollout; a throttled host's
     * connections close before its throttle slots are free again (a throttle caps sessions on devices, not only
     * tasks); its permit returns and the batch counts it as done.
     */
    void hostFinished(int index) {
        HostQueue current = queue;
        if (rollout.anyErrorsFatal() && stopReason.get() == null && countsAsFailed(index)) {
            stopAtFailure(index);
        }
        if (current.throttled(index)) {
            for (String plugin : plugins) {
                connections.discard(hosts.get(index).name(), plugin);
            }
        }
        boolean parkedLoop = current.release(index);
        admission.leave();
        batchDone.countDown();
        if (parkedLoop) {
            dispatch(this::drain);
        }
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
        HostQueue current = queue;
        if (current != null) {
            current.stop();
        }
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
