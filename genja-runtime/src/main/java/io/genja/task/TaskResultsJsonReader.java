package io.genja.task;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link TaskResults} back from the JSON that {@link TaskResultsJson} writes ({@code docs/results.md}), so
 * that tools can merge or replay results. Fields it does not know are ignored (the shape only ever gains fields).
 * Each problem names where it is, as a path into the document ({@code hosts.r1.status}).
 */
final class TaskResultsJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TaskResultsJsonReader() {
    }

    static TaskResults read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new IllegalArgumentException((where == null ? "" : where.getLineNr() + ":" + where.getColumnNr()
                    + ": ") + "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a task results document: expected a JSON object with \"task\","
                    + " \"hosts\" and \"format\"");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.canConvertToInt()) {
            throw new IllegalArgumentException("format: missing; a task results document (genja run --json) ends"
                    + " with \"format\" : " + TaskResultsJson.FORMAT);
        }
        if (format.asInt() != TaskResultsJson.FORMAT) {
            throw new IllegalArgumentException("format: " + format.asInt() + " is not known here; this version"
                    + " reads format " + TaskResultsJson.FORMAT);
        }
        return task(root, "");
    }

    private static TaskResults task(JsonNode node, String path) {
        String name = text(node, path, "task", false);
        Instant startedAt = instant(node, path, "started_at");
        Instant finishedAt = instant(node, path, "finished_at");
        Map<String, HostTaskResult> byHost = new LinkedHashMap<>();
        JsonNode hosts = object(node, path, "hosts");
        hosts.fields().forEachRemaining(host ->
                byHost.put(host.getKey(), host(host.getValue(), path + "hosts." + host.getKey() + ".")));
        Map<String, TaskResults> subTasks = new LinkedHashMap<>();
        JsonNode subs = array(node, path, "sub_tasks");
        for (int i = 0; i < subs.size(); i++) {
            TaskResults sub = task(subs.get(i), path + "sub_tasks[" + i + "].");
            subTasks.put(sub.taskName(), sub);
        }
        List<HookError> hookErrors = new ArrayList<>();
        JsonNode errors = array(node, path, "hook_errors");
        for (int i = 0; i < errors.size(); i++) {
            JsonNode error = errors.get(i);
            String at = path + "hook_errors[" + i + "].";
            hookErrors.add(new HookError(text(error, at, "processor", false), text(error, at, "hook", false),
                    text(error, at, "task", false), text(error, at, "host", true),
                    text(error, at, "exception_type", false), text(error, at, "message", false)));
        }
        return new TaskResults(name, byHost, subTasks, startedAt, finishedAt, hookErrors);
    }

    private static HostTaskResult host(JsonNode node, String path) {
        Duration duration = Duration.ofNanos(Math.round(number(node, path, "duration_ms") * 1_000_000));
        String status = text(node, path, "status", false);
        return switch (status) {
            case "passed" -> {
                TaskSuccess success = new TaskSuccess()
                        .withResult(value(node.get("result")))
                        .withSummary(text(node, path, "summary", true))
                        .withChanged(bool(node, path, "changed"))
                        .withDiff(text(node, path, "diff", true));
                JsonNode metadata = node.get("metadata");
                if (metadata != null && metadata.isObject()) {
                    for (Map.Entry<String, JsonNode> entry : iterable(metadata)) {
                        success = success.withMetadata(entry.getKey(), value(entry.getValue()));
                    }
                }
                JsonNode warnings = node.get("warnings");
                if (warnings != null && warnings.isArray()) {
                    for (JsonNode warning : warnings) {
                        success = success.withWarning(warning.asText());
                    }
                }
                yield new HostTaskResult.Passed(success, duration);
            }
            case "failed" -> {
                JsonNode failure = object(node, path, "failure");
                String at = path + "failure.";
                String kind = text(failure, at, "kind", false);
                FailureKind failureKind = Arrays.stream(FailureKind.values()).filter(k -> k.name().equals(kind))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(at + "kind: \"" + kind
                                + "\" is not a failure kind; known: " + Arrays.toString(FailureKind.values())));
                // The document keeps "before the task started" only where it makes the host unreachable.
                yield new HostTaskResult.Failed(new TaskFailure(failureKind, text(failure, at, "message", false),
                        text(failure, at, "exception_type", true), bool(failure, at, "retryable"),
                        text(failure, at, "details", true), bool(node, path, "unreachable")), duration);
            }
            case "skipped" -> new HostTaskResult.Skipped(new TaskSkip(text(node, path, "reason", false),
                    text(node, path, "message", true)), duration);
            default -> throw new IllegalArgumentException(path + "status: \"" + status
                    + "\" is not a host status; expected passed, failed or skipped");
        };
    }

    /** A task's value as plain Java: maps, lists, strings, numbers, booleans or null. */
    private static Object value(JsonNode node) {
        return node == null || node.isNull() ? null : MAPPER.convertValue(node, Object.class);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }

    private static JsonNode field(JsonNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new IllegalArgumentException(path + name + ": missing");
        }
        return value;
    }

    private static String text(JsonNode node, String path, String name, boolean nullable) {
        JsonNode value = nullable ? node.get(name) : field(node, path, name);
        if (value == null || value.isNull()) {
            if (nullable) {
                return null;
            }
            throw new IllegalArgumentException(path + name + ": must not be null");
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + name + ": expected a string, got " + value);
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String path, String name) {
        JsonNode value = field(node, path, name);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(path + name + ": expected true or false, got " + value);
        }
        return value.booleanValue();
    }

    private static double number(JsonNode node, String path, String name) {
        JsonNode value = field(node, path, name);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(path + name + ": expected a number, got " + value);
        }
        return value.doubleValue();
    }

    private static Instant instant(JsonNode node, String path, String name) {
        String text = text(node, path, name, false);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + name + ": \"" + text
                    + "\" is not an ISO-8601 instant such as 2026-01-02T03:04:05Z");
        }
    }

    private static JsonNode object(JsonNode node, String path, String name) {
        JsonNode value = field(node, path, name);
        if (!value.isObject()) {
            throw new IllegalArgumentException(path + name + ": expected an object, got " + value.getNodeType());
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String path, String name) {
        JsonNode value = field(node, path, name);
        if (!value.isArray()) {
            throw new IllegalArgumentException(path + name + ": expected an array, got " + value.getNodeType());
        }
        return value;
    }
}
