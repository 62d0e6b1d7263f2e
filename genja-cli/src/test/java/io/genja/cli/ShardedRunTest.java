package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genja.inventory.Attributes;
import io.genja.inventory.Inventory;
import io.genja.task.TaskResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genja run --shard I/N} and {@code genja results merge}, in process, on 20 hosts. */
class ShardedRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    /** r1 to r20, in the fixtures' groups; r2's address refuses connections and the flaky task fails on r2. */
    private static Inventory twentyHosts() {
        Inventory.Builder builder = Inventory.builder()
                .group("core", Attributes.builder().platform("ios").build())
                .group("edge", Attributes.builder().platform("eos").build())
                .defaults(Attributes.builder().username("admin").password(Fixtures.SECRET).build());
        for (int i = 1; i <= 20; i++) {
            builder.host("r" + i, Attributes.builder().hostname("10.0.0." + i).groups(i % 3 == 0 ? "edge" : "core")
                    .build());
        }
        return builder.build();
    }

    private CliRun genja(Map<String, String> env, String... args) {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("GENJA_LOGGING_ENABLED", "false");
        return CliRun.execute(Fixtures.cli().inventory(twentyHosts()).env(environment).workingDirectory(directory),
                args);
    }

    private CliRun genja(String... args) {
        return genja(Map.of(), args);
    }

    @Test
    void threeShardsMergedAreTheSingleRun() throws IOException {
        CliRun single = genja("run", "parent", "--json", "single.json");
        List<String> shardFiles = new ArrayList<>();
        int hosts = 0;
        for (int i = 1; i <= 3; i++) {
            CliRun shard = genja("run", "parent", "--shard", i + "/3", "--json", "shard" + i + ".json");
            assertThat(shard.status()).as(shard.toString()).isIn(ExitStatus.OK, ExitStatus.HOSTS_FAILED);
            assertThat(shard.out()).containsPattern("(?m)^Shard " + i + "/3: [67] of 20 selected hosts\\.$");
            hosts += read("shard" + i + ".json").hosts().size();
            shardFiles.add("shard" + i + ".json");
        }

        CliRun merge = genja(concat(List.of("results", "merge"), shardFiles, List.of("--json", "merged.json")));

        assertThat(hosts).isEqualTo(20);
        assertThat(merge.status()).as(merge.toString()).isEqualTo(single.status()).isEqualTo(ExitStatus.HOSTS_FAILED);
        assertThat(merge.out()).startsWith("Merged 3 files: parent on 20 hosts.")
                .containsPattern("(?m)^r2\\s+failed\\s+.*flaky: COMMAND: % Invalid input")
                .contains("parent: 20 hosts, 19 passed (0 changed), 1 failed (0 unreachable), 0 skipped in ");
        TaskResults merged = read("merged.json");
        TaskResults whole = read("single.json");
        assertThat(merged.hosts()).as("inventory order").isEqualTo(whole.hosts());
        assertThat(merged.summary()).isEqualTo(whole.summary());
        assertThat(merged.subTask("flaky").hosts()).isEqualTo(whole.subTask("flaky").hosts());
        assertThat(merged.subTask("flaky").failedHosts()).containsExactly("r2");
        assertThat(JSON.readTree(directory.resolve("merged.json").toFile()).has("shard")).as("a whole run").isFalse();
    }

    @Test
    void eachShardRecordsWhereItsHostsBelong() throws IOException {
        genja("run", "greet", "--shard", "2/3", "--json", "shard.json");

        JsonNode shard = JSON.readTree(directory.resolve("shard.json").toFile()).get("shard");

        assertThat(shard.get("index").asInt()).isEqualTo(2);
        assertThat(shard.get("count").asInt()).isEqualTo(3);
        assertThat(shard.get("selected").asInt()).isEqualTo(20);
        assertThat(shard.get("selection_sha256").asText()).hasSize(64);
        List<String> hosts = read("shard.json").hosts();
        for (int i = 0; i < hosts.size(); i++) {
            assertThat(shard.get("positions").get(i).asInt()).as(hosts.get(i))
                    .isEqualTo(Integer.parseInt(hosts.get(i).substring(1)) - 1);
        }
    }

    @Test
    void theIndexOfAKubernetesIndexedJobSelectsTheSameShard() throws IOException {
        genja("run", "greet", "--shard", "2/4", "--json", "flag.json");
        CliRun fromEnv = genja(Map.of("JOB_COMPLETION_INDEX", "1", "GENJA_SHARD_COUNT", "4"), "run", "greet", "--json",
                "env.json");

        assertThat(fromEnv.out()).as(fromEnv.toString()).contains("Shard 2/4: ");
        assertThat(read("env.json").hosts()).isEqualTo(read("flag.json").hosts());
    }

    @Test
    void aShardWorksOnTheFilteredHosts() throws IOException {
        for (int i = 1; i <= 2; i++) {
            CliRun shard = genja("run", "greet", "--filter", "edge", "--shard", i + "/2", "--json", i + ".json");
            assertThat(shard.out()).as(shard.toString()).containsPattern("Shard " + i + "/2: 3 of 6 selected hosts");
        }

        CliRun merge = genja("results", "merge", "1.json", "2.json");

        assertThat(merge.status()).as(merge.toString()).isZero();
        assertThat(merge.out()).contains("greet: 6 hosts, 6 passed");
        assertThat(read("1.json").hosts()).allMatch(host -> Integer.parseInt(host.substring(1)) % 3 == 0);
    }

    @Test
    void moreShardsThanHostsLeavesEmptyShardsThatStillMerge() throws IOException {
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            CliRun shard = genja("run", "parent", "--shard", i + "/25", "--json", i + ".json");
            assertThat(shard.status()).as(shard.toString()).isIn(ExitStatus.OK, ExitStatus.HOSTS_FAILED);
            files.add(i + ".json");
        }
        assertThat(files.stream().filter(file -> read(file).hosts().isEmpty())).hasSize(5);

        CliRun merge = genja(concat(List.of("results", "merge"), files, List.of()));

        assertThat(merge.status()).as(merge.toString()).isEqualTo(ExitStatus.HOSTS_FAILED);
        assertThat(merge.out()).contains("parent: 20 hosts, 19 passed (0 changed), 1 failed");
    }

    @Test
    void aMissingShardIsAnErrorNamingIt() {
        for (int i = 1; i <= 4; i++) {
            genja("run", "greet", "--shard", i + "/4", "--json", i + ".json");
        }

        CliRun merge = genja("results", "merge", "1.json", "2.json", "4.json");

        assertThat(merge.status()).as(merge.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(merge.err()).isEqualTo("genja: error: cannot merge: shard 3/4 is missing (3 of 4 given)\n");
        assertThat(merge.out()).isEmpty();
    }

    @Test
    void aShardGivenTwiceIsAnErrorNamingItAndItsHosts() {
        genja("run", "greet", "--shard", "1/2", "--json", "1.json");
        genja("run", "greet", "--shard", "2/2", "--json", "2.json");
        List<String> hosts = read("1.json").hosts();

        CliRun merge = genja("results", "merge", "1.json", "2.json", "1.json");

        assertThat(merge.status()).as(merge.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(merge.err()).startsWith("genja: error: cannot merge: " + (1 + hosts.size()) + " problems:\n")
                .contains("shard 1/2 is given 2 times: 1.json, 1.json\n")
                .contains("host " + hosts.get(0) + " is in 1.json, 1.json\n");
    }

    @Test
    void shardsOfDifferentSelectionsOrTasksAreErrorsNamingTheFiles() {
        genja("run", "greet", "--shard", "1/2", "--json", "a.json");
        genja("run", "greet", "--filter", "core", "--shard", "2/2", "--json", "b.json");
        genja("run", "flaky", "--shard", "2/2", "--json", "c.json");

        CliRun selections = genja("results", "merge", "a.json", "b.json");
        CliRun tasks = genja("results", "merge", "a.json", "c.json");

        assertThat(selections.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(selections.err()).containsPattern("(?m)^  the shards were cut from different selections"
                + " \\(every shard must run with the same inventory, --filter and --rerun-failed file\\): 20 hosts"
                + " with sha256 [0-9a-f]{12} \\(a.json\\), 14 hosts with sha256 [0-9a-f]{12} \\(b.json\\)$")
                .contains("host r5 is in a.json, b.json");
        assertThat(tasks.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(tasks.err()).isEqualTo("genja: error: cannot merge: the files hold results of different tasks:"
                + " greet (a.json), flaky (c.json)\n");
    }

    @Test
    void wholeRunsOverDifferentHostsMergeInTheOrderGiven() {
        genja("run", "backup", "--filter", "edge", "--json", "edge.json");
        genja("run", "backup", "--filter", "core", "--json", "core.json");

        CliRun merge = genja("results", "merge", "edge.json", "core.json", "--json", "all.json");

        assertThat(merge.status()).as(merge.toString()).isEqualTo(ExitStatus.HOSTS_FAILED);
        assertThat(merge.out()).containsPattern("(?m)^r2\\s+unreachable\\s+.*CONNECTION: connection refused")
                .contains("backup: 20 hosts, 19 passed (0 changed), 1 failed (1 unreachable), 0 skipped");
        assertThat(read("all.json").hosts()).startsWith("r3", "r6").hasSize(20);
    }

    @Test
    void aFileThatIsNotResultsIsAnErrorWithItsPlace() throws IOException {
        Files.writeString(directory.resolve("broken.json"), "{\n  \"task\": \"greet\",\n  oops\n}\n");

        CliRun merge = genja("results", "merge", "broken.json", "absent.json");

        assertThat(merge.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(merge.err()).startsWith("genja: error: broken.json:3:3: not valid JSON: ");
    }

    private TaskResults read(String file) {
        try {
            return TaskResults.fromJson(Files.readString(directory.resolve(file)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String[] concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all.toArray(String[]::new);
    }
}
