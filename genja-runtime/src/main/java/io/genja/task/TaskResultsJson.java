package io.genja.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.genja.inventory.SecretResolver;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/** Writes {@link TaskResults} as JSON in the shape {@code docs/results.md} documents. */
final class TaskResultsJson {

    /** The version of the JSON shape; it changes only when a field is removed or changes meaning. */
    static final int FORMAT = 1;
    static final String REDACTED = "<redacted>";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** For tasks' own values: an object without properties becomes its {@code toString()} instead of failing. */
    private static final ObjectMapper VALUES = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TaskResultsJson() {
    }

    static String write(TaskResults results, boolean pretty) {
        ObjectNode root = task(results);
        root.put("format", FORMAT);
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    : MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the results of task \"" + results.taskName() + "\" as JSON",
                    e);
        }
    }

    private static ObjectNode task(TaskResults results) {
        ObjectNode task = NODES.objectNode();
        task.put("task", results.taskName());
        task.put("started_at", results.startedAt().toString());
        task.put("finished_at", results.finishedAt().toString());
        task.put("duration_ms", millis(results.duration()));
        TaskResults.Summary summary = results.summary();
        ObjectNode counts = task.putObject("summary");
        counts.put("total", summary.total());
        counts.put("passed", summary.passed());
        counts.put("changed", summary.changed());
        counts.put("failed", summary.failed());
        counts.put("unreachable", summary.unreachable());
        counts.put("skipped", summary.skipped());
        ObjectNode hosts = task.putObject("hosts");
        for (Map.Entry<String, HostTaskResult> entry : results.byHost().entrySet()) {
            hosts.set(entry.getKey(), host(entry.getValue()));
        }
        ArrayNode subTasks = task.putArray("sub_tasks");
        for (TaskResults sub : results.subTasks().values()) {
            subTasks.add(task(sub));
        }
        ArrayNode hookErrors = task.putArray("hook_errors");
        for (HookError error : results.hookErrors()) {
            ObjectNode node = hookErrors.addObject();
            node.put("processor", error.processor());
            node.put("hook", error.hook());
            node.put("task", error.task());
            node.put("host", error.host());
            node.put("exception_type", error.exceptionType());
            node.put("message", error.message());
        }
        return task;
    }

    private static ObjectNode host(HostTaskResult result) {
        ObjectNode host = NODES.objectNode();
        host.put("duration_ms", millis(result.duration()));
        if (result instanceof HostTaskResult.Passed passed) {
            TaskSuccess success = passed.success();
            host.put("status", "passed");
            host.put("changed", success.changed());
            host.put("summary", success.summary());
            host.set("result", value(success.result()));
            host.put("diff", success.diff());
            ObjectNode metadata = host.putObject("metadata");
            success.metadata().forEach((key, value) ->
                    metadata.set(key, isSecret(key) ? TextNode.valueOf(REDACTED) : value(value)));
            ArrayNode warnings = host.putArray("warnings");
            success.warnings().forEach(warnings::add);
        } else if (result instanceof HostTaskResult.Failed failed) {
            TaskFailure failure = failed.failure();
            host.put("status", "failed");
            host.put("unreachable", failure.isUnreachable());
            ObjectNode node = host.putObject("failure");
            node.put("kind", failure.kind().name());
            node.put("message", failure.message());
            node.put("exception_type", failure.exceptionType());
            node.put("retryable", failure.retryable());
            node.put("details", failure.details());
        } else if (result instanceof HostTaskResult.Skipped skipped) {
            host.put("status", "skipped");
            host.put("reason", skipped.skip().reason());
            host.put("message", skipped.skip().message());
        }
        return host;
    }

    /** A task's value as JSON where Jackson can write it, else its {@code toString()}; secrets redacted. */
    private static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof CharSequence text) {
            return TextNode.valueOf(text.toString());
        }
        JsonNode tree;
        try {
            tree = VALUES.valueToTree(value);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return TextNode.valueOf(String.valueOf(value));
        }
        if (tree.isObject() && tree.isEmpty() && !(value instanceof Map)) {
            return TextNode.valueOf(String.valueOf(value));
        }
        redact(tree);
        return tree;
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isSecret(field.getKey()) && !field.getValue().isNull()) {
                    field.setValue(TextNode.valueOf(REDACTED));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(TaskResultsJson::redact);
        }
    }

    private static boolean isSecret(String field) {
        return SecretResolver.isSecretKey(field);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}
