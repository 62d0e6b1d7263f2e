package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The commands against configuration and inventory files, as users run them. */
class ConfigFilesTest {

    private static final Map<String, String> ENV = Map.of();

    @Test
    void runsATaskOnTheInventoryTheConfigurationNames() {
        CliRun run = CliRun.execute(cli(), "run", "greet", "-c", config("lab"));

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^s1\\s+ok\\s+\\d+ ms\\s+hello s1$");
        assertThat(run.out()).contains("greet: 3 hosts, 3 passed");
    }

    @Test
    void theConfigurationMayComeFromGenjaConfig() {
        CliRun run = CliRun.execute(cli().env(Map.of("GENJA_CONFIG", config("lab"))), "inventory");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^s1\\s+10.0.1.1\\s+2222\\s+eos\\s+edge$").contains("3 hosts");
    }

    @Test
    void aFilterSelectsTheHostsOfARun() {
        CliRun run = CliRun.execute(cli(), "-c", config("lab"), "run", "greet", "--filter", "core");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("greet: 2 hosts, 2 passed").doesNotContainPattern("(?m)^s1 ");
    }

    @Test
    void aFilterThatSelectsNothingIsBadInput() {
        CliRun run = CliRun.execute(cli(), "-c", config("lab"), "run", "greet", "--filter", "platform=junos");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo("genja: error: the filter \"platform=junos\" selects none of the 3 hosts\n");
    }

    @Test
    void inventoryShowsTheFilteredHosts() {
        CliRun run = CliRun.execute(cli(), "-c", config("lab"), "inventory", "--filter", "platform=eos");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1 of 3 hosts").doesNotContainPattern("(?m)^r1 ");
    }

    @Test
    void explainSaysWhereEachValueComesFromWithoutThePassword() {
        CliRun run = CliRun.execute(cli(), "-c", config("lab"), "inventory", "--explain", "s1", "--resolve", "mem");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("s1 for mem");
        assertThat(run.out()).containsPattern("port\\s+22\\s+host s1 connection_options.mem");
        assertThat(run.out()).containsPattern("platform\\s+eos\\s+group edge");
        assertThat(run.out()).doesNotContain(Fixtures.SECRET);
    }

    @Test
    void explainAsJsonNamesEachValuesSource() throws Exception {
        CliRun run = CliRun.execute(cli(), "-c", config("lab"), "inventory", "--explain", "s1", "--resolve", "mem",
                "--json");

        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode explanation = new ObjectMapper().readTree(run.out());
        assertThat(explanation.get("host").asText()).isEqualTo("s1");
        assertThat(explanation.get("values").get(1).get("field").asText()).isEqualTo("port");
        assertThat(explanation.get("values").get(1).get("source").asText()).isEqualTo("host s1 connection_options.mem");
        assertThat(run.out()).doesNotContain(Fixtures.SECRET);
    }

    @Test
    void checkPrintsEveryProblemWithFileAndLineAndExitsTwo() {
        CliRun run = CliRun.execute(cli(), "check", "-c", config("broken"));

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).contains("error: target/test-classes/broken/hosts.yaml:2:3: unknown field \"hostnmae\" in host \"r1\"; did you mean "
                + "\"hostname\"?");
        assertThat(run.err()).contains("error: target/test-classes/broken/hosts.yaml:3:12: host \"r1\" lists group \"cor\", which is not defined in "
                + "groups.yaml; did you mean \"core\"?");
        assertThat(run.err()).contains("error: target/test-classes/broken/hosts.yaml:5:9: port of host \"r2\" must be an integer, not the string "
                + "\"abc\"");
        assertThat(run.err().lines().filter(line -> line.startsWith("error: "))).hasSize(3);
        assertThat(run.err()).endsWith("3 problems found\n");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void checkOfAGoodSetupSaysWhatItFound() {
        CliRun run = CliRun.execute(cli(), "check", "-c", config("lab"));

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("inventory: 3 hosts, 2 groups").endsWith("ok\n");
    }

    @Test
    void runningOnABrokenInventoryListsItsProblemsUnderOneLine() {
        CliRun run = CliRun.execute(cli(), "run", "greet", "-c", config("broken"));

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err().lines().toList()).hasSize(4);
        assertThat(run.err()).startsWith("genja: error: 3 problems in the inventory:\n"
                + "  target/test-classes/broken/hosts.yaml:2:3: unknown field \"hostnmae\"");
    }

    /** The fixtures' catalog and plugins, but the inventory from files. */
    private static GenjaCli.Builder cli() {
        return GenjaCli.builder().catalog(Fixtures.catalog()).plugins(Fixtures.plugins()).env(ENV).terminal(false);
    }

    static String config(String name) {
        try {
            return Path.of(ConfigFilesTest.class.getResource("/" + name + "/config.yaml").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
