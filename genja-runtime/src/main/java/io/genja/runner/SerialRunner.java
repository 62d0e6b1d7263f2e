package io.genja.runner;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskFailure;
import io.genja.task.TaskResults;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/** Runs a task tree on one host after another, on the calling thread. */
public final class SerialRunner {

    private final ConnectionManager connections;

    public SerialRunner(ConnectionManager connections) {
        this.connections = connections;
    }

    /** Runs {@code plan} on every host; every host gets one result per task node. */
    public TaskResults run(TaskPlan plan, List<Host> hosts) {
        long started = System.nanoTime();
        ResultTree tree = new ResultTree(plan);
        for (Host host : hosts) {
            runNode(plan, host, tree);
        }
        return tree.toResults(Duration.ofNanos(System.nanoTime() - started));
    }

    private void runNode(TaskPlan plan, Host host, ResultTree tree) {
        tree.put(host.name(), runTask(plan, host));
        for (int i = 0; i < plan.subTasks().size(); i++) {
            runNode(plan.subTasks().get(i), host, tree.child(i));
        }
    }

    private HostTaskResult runTask(TaskPlan plan, Host host) {
        long started = System.nanoTime();
        HostTaskResult result;
        try {
            Connection connection = null;
            if (plan.info().connectionPluginName().isPresent()) {
                connection = connections.get(host, plan.info().connectionPluginName().get());
            }
            HostContext context = new HostContext(plan.info(), host, connection, plan.options());
            Object task = plan.newTask().get();
            if (plan.definition().isAsync()) {
                result = plan.definition().startAsync(task, host, context).toCompletableFuture().join();
            } else {
                result = plan.definition().start(task, host, context);
            }
            if (result == null) {
                result = HostTaskResult.failed(TaskFailure.of(io.genja.task.FailureKind.INTERNAL,
                        "task \"" + plan.info().name() + "\" returned no result"));
            }
        } catch (ConnectionException e) {
            result = HostTaskResult.failed(new TaskFailure(e.kind(), e.getMessage(), e.getClass().getName(),
                    e.retryable(), null));
        } catch (CompletionException e) {
            result = HostTaskResult.failed(TaskFailure.fromException(e.getCause() != null ? e.getCause() : e));
        } catch (Exception e) {
            result = HostTaskResult.failed(TaskFailure.fromException(e));
        }
        return result.withDuration(Duration.ofNanos(System.nanoTime() - started));
    }

    /** Collects host results per task node, mirroring the plan's shape. */
    private static final class ResultTree {
        private final String name;
        private final Map<String, HostTaskResult> byHost = new LinkedHashMap<>();
        private final List<ResultTree> children;

        ResultTree(TaskPlan plan) {
            this.name = plan.info().name();
            this.children = plan.subTasks().stream().map(ResultTree::new).toList();
        }

        void put(String host, HostTaskResult result) {
            byHost.put(host, result);
        }

        ResultTree child(int index) {
            return children.get(index);
        }

        TaskResults toResults(Duration duration) {
            Map<String, TaskResults> subTasks = new LinkedHashMap<>();
            for (ResultTree child : children) {
                subTasks.put(child.name, child.toResults(duration));
            }
            return new TaskResults(name, byHost, subTasks, duration);
        }
    }
}
