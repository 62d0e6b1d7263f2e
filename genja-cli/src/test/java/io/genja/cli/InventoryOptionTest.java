package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genja -i}: ad-hoc runs on inventory files, without any config.yaml, as {@code ansible -i} users expect. */
class InventoryOptionTest {

    /** The lab inventory: hosts.yaml, groups.yaml, defaults.yaml (r1, r2 in core, s1 in edge). */
    private static final Path LAB = lab();

    /** A working directory without a config.yaml. */
    @TempDir
    Path workingDirectory;

    @Test
    void runsFromADirectoryWithoutAnyConfiguration() {
        CliRun run = CliRun.execute(cli(), "-i", LAB.toString(), "run", "greet");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^s1\\s+ok\\s+\\d+ ms\\s+hello s1$")
                .contains("greet: 3 hosts, 3 passed");
        assertThat(Files.exists(workingDirectory.resolve("config.yaml"))).isFalse();
    }

    @Test
    void checkReadsTheDirectoryToo() {
        CliRun run = CliRun.execute(cli(), "check", "-i", LAB.toString());

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("config:    (none)").contains("inventory: 3 hosts, 2 groups").endsWith("ok\n");
    }

    @Test
    void filesSeparatedByCommasAreKnownByTheirNames() throws IOException {
        Path dir = Files.createDirectories(workingDirectory.resolve("lab"));
        Files.copy(LAB.resolve("hosts.yaml"), dir.resolve("lab-hosts.yaml"));
        Files.copy(LAB.resolve("groups.yaml"), dir.resolve("lab_groups.yml"));
        Files.copy(LAB.resolve("defaults.yaml"), dir.resolve("defaults.yaml"));

        CliRun run = CliRun.execute(cli(), "-i", "lab/lab-hosts.yaml,lab/lab_groups.yml,lab/defaults.yaml",
                "inventory", "--filter", "platform=eos");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^s1\\s+10.0.1.1\\s+2222\\s+eos\\s+edge$").contains("1 of 3 hosts");
    }

    @Test
    void wrongInventoryArgumentsSayWhatWouldBeRight() throws IOException {
        Files.writeString(workingDirectory.resolve("lab.yaml"), "r1: {}\n");
        assertThat(CliRun.execute(cli(), "-i", "nowhere", "run", "greet").err())
                .isEqualTo("genja: error: -i nowhere: nowhere does not exist\n");
        assertThat(CliRun.execute(cli(), "-i", "lab.yaml", "run", "greet").err())
                .isEqualTo("genja: error: -i lab.yaml: cannot tell whether lab.yaml holds hosts, groups or defaults; "
                        + "name it hosts.yaml, groups.yaml or defaults.yaml (or lab-hosts.yaml, ...)\n");
        CliRun empty = CliRun.execute(cli(), "-i", workingDirectory.toString(), "check");
        assertThat(empty.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(empty.err()).contains("the directory has no hosts file (hosts.yaml, hosts.yml or hosts.json)");
        assertThat(CliRun.execute(cli(), "run", "greet").err()).contains("or name the inventory with -i DIR");
    }

    @Test
    void aRolloutStopsAtItsThresholdAndTheSummarySaysWhy() {
        // flaky fails on r2: the canary r1 passes, r2 fails alone in batch 2, s1 is never started
        CliRun run = CliRun.execute(cli(), "-i", LAB.toString(), "run", "flaky", "--batches", "1",
                "--max-fail-percentage", "0", "--workers", "1");

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.HOSTS_FAILED);
        assertThat(run.out()).contains("batch 1 of 3 (1 host): r1\n").contains("batch 2 of 3 (1 host): r2\n")
                .doesNotContain("batch 3 of 3")
                .containsPattern("(?m)^s1\\s+skipped\\s+\\d+ ms\\s+rollout stopped: after batch 2 of 3 \\(1 host\\), 1 "
                        + "of 1 host failed \\(100%\\): more than max_fail_percentage 0%$")
                .contains("flaky: 3 hosts, 1 passed (0 changed), 1 failed (0 unreachable), 1 skipped")
                .contains("rollout stopped after batch 2 of 3 (1 host), 1 of 1 host failed (100%): more than "
                        + "max_fail_percentage 0%; the hosts it did not start are skipped\n");
    }

    @Test
    void aShuffleSaysItsSeedAndTheSeedReplaysTheOrder() {
        CliRun drawn = CliRun.execute(cli(), "-i", LAB.toString(), "run", "greet", "--order", "shuffle",
                "--batches", "1");
        assertThat(drawn.status()).as(drawn.toString()).isZero();
        String seed = drawn.out().replaceAll("(?s).*hosts shuffled with seed (-?\\d+) .*", "$1");
        CliRun replayed = CliRun.execute(cli(), "-i", LAB.toString(), "run", "greet", "--order", "shuffle",
                "--batches", "1", "--seed", seed);
        assertThat(batchLines(replayed.out())).isEqualTo(batchLines(drawn.out())).hasSize(3);
    }

    @Test
    void wrongRolloutValuesAreUsageErrorsWithSuggestions() {
        CliRun order = CliRun.execute(cli(), "-i", LAB.toString(), "run", "greet", "--order", "sortd");
        assertThat(order.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(order.err()).contains("unknown host order \"sortd\"").contains("did you mean \"sorted\"?");

        CliRun throttle = CliRun.execute(cli(), "-i", LAB.toString(), "run", "greet", "--throttle", "group:cor=1");
        assertThat(throttle.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(throttle.err()).contains("names group \"cor\", which the inventory does not have; did you mean "
                + "\"core\"?");
        assertThat(CliRun.execute(cli(), "-i", LAB.toString(), "run", "greet", "--batches", "1,0").err())
                .contains("a batch must have at least 1 host");
    }

    private static java.util.List<String> batchLines(String out) {
        return out.lines().filter(line -> line.startsWith("batch ")).toList();
    }

    private GenjaCli.Builder cli() {
        return GenjaCli.builder().catalog(Fixtures.catalog()).plugins(Fixtures.plugins())
                .env(Map.of("GENJA_LOGGING_ENABLED", "false")).workingDirectory(workingDirectory).terminal(false);
    }

    private static Path lab() {
        try {
            return Path.of(InventoryOptionTest.class.getResource("/lab/inventory/hosts.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
