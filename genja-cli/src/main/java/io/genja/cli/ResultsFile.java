package io.genja.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genja.task.TaskResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A results document as {@code genja run --json} writes it ({@code docs/results.md}), with the shard record a
 * sharded run adds ({@code docs/scale.md}).
 *
 * @param file the file as the user named it, for messages
 * @param shard what the run that wrote it was a shard of; null for a run over its whole selection
 */
record ResultsFile(Path file, TaskResults results, ShardRecord shard) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Where a shard's results belong in the whole: which shard, of which selection.
     *
     * @param shard which shard of how many
     * @param selected how many hosts the selection that was split had
     * @param fingerprint {@link Shard#fingerprint} of that selection: all shards of one job have the same
     * @param positions each host's place in that selection, in the order of the document's hosts
     */
    record ShardRecord(Shard shard, int selected, String fingerprint, List<Integer> positions) {
        ShardRecord {
            positions = List.copyOf(positions);
        }
    }

    /** {@code results} as pretty JSON, with {@code shard} recorded when it is not null. */
    static String json(TaskResults results, ShardRecord shard) {
        if (shard == null) {
            return results.toPrettyJson();
        }
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(results.toJson());
            JsonNode format = root.remove("format");
            ObjectNode record = root.putObject("shard");
            record.put("index", shard.shard().index());
            record.put("count", shard.shard().count());
            record.put("selected", shard.selected());
            record.put("selection_sha256", shard.fingerprint());
            ArrayNode positions = record.putArray("positions");
            shard.positions().forEach(positions::add);
            root.set("format", format);
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot add the shard record to the results of task \""
                    + results.taskName() + "\"", e);
        }
    }

    /** Reads {@code file} (as given; {@code context} resolves it); every problem names the file. */
    static ResultsFile read(CliContext context, Path file) {
        String text;
        try {
            text = Files.readString(context.resolve(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException e) {
            throw new CliException(file + ": cannot be read: " + e.getMessage());
        }
        TaskResults results;
        try {
            results = TaskResults.fromJson(text);
        } catch (IllegalArgumentException e) {
            // "a.json:2:11: not valid JSON ..." or "a.json: hosts.r1.status: ..."
            String where = Character.isDigit(e.getMessage().charAt(0)) ? ":" : ": ";
            throw new CliException(file + where + e.getMessage() + " (expected the JSON genja run --json writes)");
        }
        try {
            return new ResultsFile(file, results, shardRecord(MAPPER.readTree(text).get("shard"), results));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read once already", e);
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": shard." + e.getMessage());
        }
    }

    private static ShardRecord shardRecord(JsonNode node, TaskResults results) {
        if (node == null || node.isNull()) {
            return null;
        }
        int index = whole(node, "index");
        int count = whole(node, "count");
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("index: " + index + " of " + count + " is not a shard; shards are"
                    + " numbered from 1 to count");
        }
        Shard shard = new Shard(index, count);
        JsonNode fingerprint = node.get("selection_sha256");
        JsonNode positions = node.get("positions");
        if (fingerprint == null || !fingerprint.isTextual()) {
            throw new IllegalArgumentException("selection_sha256: missing");
        }
        if (positions == null || !positions.isArray() || positions.size() != results.hosts().size()) {
            throw new IllegalArgumentException("positions: expected one number per host ("
                    + results.hosts().size() + ")");
        }
        List<Integer> places = new ArrayList<>();
        positions.forEach(position -> places.add(position.asInt()));
        return new ShardRecord(shard, whole(node, "selected"), fingerprint.asText(), places);
    }

    private static int whole(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException(field + ": expected a whole number, got " + value);
        }
        return value.asInt();
    }
}
