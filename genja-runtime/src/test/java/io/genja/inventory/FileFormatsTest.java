package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nornir's and Genja's SimpleInventory files load unchanged; JSON reads like YAML. */
class FileFormatsTest {

    static final Path NORNIR = Path.of("src/test/resources/inventory/nornir");
    static final Path JSON = Path.of("src/test/resources/inventory/json");

    static Inventory nornir() {
        return Inventory.load(NORNIR.resolve("hosts.yaml"), NORNIR.resolve("groups.yaml"),
                NORNIR.resolve("defaults.yaml"));
    }

    @Test
    void nornirTestInventoryLoads() {
        Inventory inventory = nornir();

        assertThat(inventory.hosts()).extracting(Host::name)
                .containsExactly("host1.cmh", "host2.cmh", "host1.bma", "host2.bma");
        assertThat(inventory.groups()).containsOnlyKeys("parent_group", "bma", "cmh", "eu");
        Host host = inventory.host("host1.cmh").orElseThrow();
        assertThat(host.port()).isEqualTo(2201);
        assertThat(host.data("nested_data.a_dict.b")).contains(2);
        assertThat(host.data("nested_data.a_list")).contains(List.of(1, 2));
        assertThat(host.data("asn")).contains(65000);
        assertThat(host.data("a_false_var")).contains(false);
        assertThat(host.data("my_var")).contains("comes_from_defaults");
        assertThat(host.inGroup("parent_group")).isTrue();
    }

    @Test
    void nornirParentsAndDefaultsResolveByTheRule() {
        Inventory inventory = nornir();
        Host bma = inventory.host("host1.bma").orElseThrow();

        assertThat(bma.hostname()).isEqualTo("host1.bma");
        assertThat(bma.allGroups()).containsExactly("bma", "eu", "parent_group");
        assertThat(bma.data()).containsEntry("site", "bma").containsEntry("region", "eu")
                .containsEntry("a_var", "blah").containsEntry("only_default", "only_defined_in_default");

        ResolvedConnectionParams dummy = inventory.resolveConnection("host1.cmh", "dummy");
        assertThat(dummy.hostname()).isEqualTo("dummy_from_host");
        assertThat(dummy.port()).isEqualTo(8081);
        assertThat(dummy.username()).isEqualTo("vagrant");
        // YAML 1.2: "yes" is a string, not true.
        assertThat(dummy.extras()).containsExactly(Map.entry("blah", "from_host"), Map.entry("only_default", "yes"));

        ResolvedConnectionParams paramiko = inventory.resolveConnection("host1.cmh", "paramiko");
        assertThat(paramiko.port()).isEqualTo(65020);
        assertThat(paramiko.hostname()).isEqualTo("127.0.0.1");
        assertThat(paramiko.username()).isEqualTo("root");

        ResolvedConnectionParams dummy2 = inventory.resolveConnection("host2.bma", "dummy2");
        assertThat(dummy2.hostname()).isEqualTo("dummy2_from_parent_group");
        assertThat(dummy2.port()).isEqualTo(2204);
    }

    @Test
    void jsonFilesResolveLikeTheirYamlTwins() {
        Inventory json = Inventory.load(JSON.resolve("hosts.json"), JSON.resolve("groups.json"),
                JSON.resolve("defaults.json"));

        assertThat(json.resolveConnection("router1", "ssh"))
                .isEqualTo(SeedsExampleTest.load().resolveConnection("router1", "ssh"));
        assertThat(json.resolveConnection("router1", "netconf").port()).isEqualTo(830);
    }

    @Test
    void groupsAndDefaultsAreOptional() {
        Inventory inventory = Inventory.load(SeedsExampleTest.DIR.resolve("groups.yaml"), null, null);

        assertThat(inventory.hosts()).extracting(Host::name).containsExactly("core");
        assertThat(inventory.resolveConnection("core", "ssh").username()).isEqualTo("automation");
    }
}
