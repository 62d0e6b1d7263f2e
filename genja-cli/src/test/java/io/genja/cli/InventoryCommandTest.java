package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class InventoryCommandTest {

    @Test
    void listsTheResolvedHosts() {
        CliRun run = CliRun.execute(Fixtures.cli(), "inventory");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^HOST\\s+HOSTNAME\\s+PORT\\s+PLATFORM\\s+GROUPS$");
        assertThat(run.out()).containsPattern("(?m)^s1\\s+10.0.1.1\\s+2222\\s+eos\\s+edge$");
        assertThat(run.out()).contains("3 hosts");
    }

    @Test
    void resolvesConnectionParametersForAPluginWithoutShowingPasswords() {
        CliRun run = CliRun.execute(Fixtures.cli(), "inventory", "--resolve", "mem");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^s1\\s+10.0.1.1\\s+22\\s+netops\\s+eos\\s+\\{mode=shell\\}$");
        assertThat(run.out()).containsPattern("(?m)^r1\\s+10.0.0.1\\s+-\\s+admin\\s+ios$");
        assertThat(run.out()).doesNotContain(Fixtures.SECRET);
    }

    @Test
    void printsJsonWithoutPasswords() throws Exception {
        CliRun run = CliRun.execute(Fixtures.cli(), "inventory", "--resolve", "mem", "--json");

        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode hosts = new ObjectMapper().readTree(run.out());
        assertThat(hosts).hasSize(3);
        assertThat(hosts.get(2).get("username").asText()).isEqualTo("netops");
        assertThat(hosts.get(2).get("password_set").asBoolean()).isTrue();
        assertThat(run.out()).doesNotContain(Fixtures.SECRET);
    }

    @Test
    void anUnknownHostToExplainIsOneLineWithASuggestion() {
        CliRun run = CliRun.execute(Fixtures.cli(), "inventory", "--explain", "r3");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).startsWith("genja: error: the inventory has no host \"r3\".");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void aMistypedPluginToResolveForIsOneLineWithASuggestion() {
        CliRun run = CliRun.execute(Fixtures.cli(), "inventory", "--resolve", "men");

        assertThat(run.status()).isEqualTo(ExitStatus.BAD_INPUT);
        assertThat(run.err()).isEqualTo(
                "genja: error: no connection plugin \"men\" is registered; registered: mem. Did you mean \"mem\"?\n");
        assertThat(run.out()).isEmpty();
    }
}
