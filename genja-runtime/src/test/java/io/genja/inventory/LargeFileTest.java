package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files large enough to be parsed in pieces on several threads read exactly like small ones: same hosts in the
 * same order, problems on the right lines, and constructs that cannot be cut (an alias to an anchor far away,
 * a multi-line string) still work.
 */
class LargeFileTest {

    static final int HOSTS = 20_000;

    @TempDir
    Path dir;

    /** Each host takes 5 lines; host i starts on line 5 * i + 1. */
    private Path hosts(String extraForHost7777, String prefix) throws IOException {
        StringBuilder yaml = new StringBuilder(prefix);
        for (int i = 0; i < HOSTS; i++) {
            yaml.append("host").append(i).append(":\n")
                    .append("  hostname: 10.1.").append(i / 256).append('.').append(i % 256).append('\n')
                    .append("  groups: [g").append(i % 3).append("]\n")
                    .append("  data: {index: ").append(i).append("}\n")
                    .append(i == 7777 ? extraForHost7777 : "  platform: ios\n");
        }
        Path file = dir.resolve("hosts.yaml");
        Files.writeString(file, yaml);
        assertThat(Files.size(file)).isGreaterThan(1 << 20);
        return file;
    }

    private Path groups() throws IOException {
        return Files.writeString(dir.resolve("groups.yaml"), "g0: {port: 22}\ng1: {port: 23}\ng2: {port: 24}\n");
    }

    @Test
    void aLargeFileLoadsInOrder() throws IOException {
        Inventory inventory = Inventory.load(hosts("  platform: eos\n", ""), groups(), null);

        assertThat(inventory.size()).isEqualTo(HOSTS);
        for (int i = 0; i < HOSTS; i += 997) {
            Host host = inventory.hosts().get(i);
            assertThat(host.name()).isEqualTo("host" + i);
            assertThat(host.data("index")).contains(i);
            assertThat(host.port()).isEqualTo(22 + i % 3);
        }
        assertThat(inventory.host("host7777").orElseThrow().platform()).isEqualTo("eos");
    }

    @Test
    void problemsInALargeFileKeepTheirLines() throws IOException {
        InventoryException e = catchThrowableOfType(InventoryException.class,
                () -> Inventory.load(hosts("  port: abc\n", ""), groups(), null));

        assertThat(e.problems()).extracting(Object::toString).containsExactly(dir.resolve("hosts.yaml")
                + ":" + (5 * 7777 + 5) + ":9: port of host \"host7777\" must be an integer, not the string \"abc\"");
    }

    @Test
    void anAliasToAnAnchorFarAwayAndAMultiLineStringStillWork() throws IOException {
        String prefix = "shared:\n  connection_options: &options {ssh: {port: 2022}}\n";
        Inventory inventory = Inventory.load(hosts("  connection_options: *options\n  platform: \"multi\n\n  line\"\n",
                prefix), groups(), null);

        assertThat(inventory.resolveConnection("host7777", "ssh").port()).isEqualTo(2022);
        assertThat(inventory.host("host7777").orElseThrow().platform()).isEqualTo("multi\nline");
    }
}
