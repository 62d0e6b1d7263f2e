package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of the original connections page, loaded from real YAML files. */
class SeedsExampleTest {

    static final Path DIR = Path.of("src/test/resources/inventory/seeds");

    static Inventory load() {
        return Inventory.load(DIR.resolve("hosts.yaml"), DIR.resolve("groups.yaml"), DIR.resolve("defaults.yaml"));
    }

    @Test
    void router1ResolvesForSshAsThePageSays() {
        ResolvedConnectionParams ssh = load().resolveConnection("router1", "ssh");

        assertThat(ssh.hostname()).isEqualTo("10.0.0.1");
        assertThat(ssh.port()).isEqualTo(22);
        assertThat(ssh.username()).isEqualTo("automation");
        assertThat(ssh.platform()).isEqualTo("ios");
        assertThat(ssh.password()).isNull();
        assertThat(ssh.extras()).containsExactly(Map.entry("device_type", "cisco_ios"), Map.entry("timeout", 30));
    }

    @Test
    void netconfGetsItsOwnPortAndThePlainUsername() {
        ResolvedConnectionParams netconf = load().resolveConnection("router1", "netconf");

        assertThat(netconf.port()).isEqualTo(830);
        assertThat(netconf.username()).isEqualTo("admin");
        assertThat(netconf.extras()).isEmpty();
    }

    @Test
    void hostShowsThePlainResolvedView() {
        Host router1 = load().host("router1").orElseThrow();

        assertThat(router1.hostname()).isEqualTo("10.0.0.1");
        assertThat(router1.username()).isEqualTo("admin");
        assertThat(router1.port()).isNull();
        assertThat(router1.groups()).containsExactly("core");
        assertThat(router1.inGroup("core")).isTrue();
        assertThat(router1.inGroup("edge")).isFalse();
    }

    @Test
    void explainNamesTheSourceOfEveryValue() {
        Explanation explanation = load().explain("router1", "ssh");

        assertThat(explanation.line("hostname").orElseThrow().source()).isEqualTo("host router1");
        assertThat(explanation.line("port").orElseThrow().source()).isEqualTo("host router1 connection_options.ssh");
        assertThat(explanation.line("username").orElseThrow())
                .isEqualTo(new Explanation.Line("username", "automation", "group core connection_options.ssh"));
        assertThat(explanation.line("extras.timeout").orElseThrow().source())
                .isEqualTo("defaults connection_options.ssh");
        assertThat(explanation.line("password").orElseThrow().source()).isEqualTo("not set");
        assertThat(explanation.toString()).contains("router1 for ssh")
                .containsPattern("username\\s+automation\\s+group core connection_options.ssh");
    }

    @Test
    void resolutionIsCachedAndDoesNotChangeWhatWasLoaded() {
        Inventory inventory = load();
        Attributes before = inventory.host("router1").orElseThrow().attributes();

        ResolvedConnectionParams first = inventory.resolveConnection("router1", "ssh");

        assertThat(inventory.resolveConnection("router1", "ssh")).isSameAs(first);
        assertThat(inventory.host("router1").orElseThrow().attributes()).isEqualTo(before);
        assertThat(inventory.groups().get("core").username()).isNull();
    }
}
