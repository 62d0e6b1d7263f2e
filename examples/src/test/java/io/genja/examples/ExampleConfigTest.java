package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.cli.GenjaCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration and inventory shipped for real devices load, resolve and never show the password. */
class ExampleConfigTest {

    /** A copy of the module's config.yaml and inventory/, so the log file it names lands in the copy. */
    @TempDir
    Path copy;

    @BeforeEach
    void copyTheFiles() throws IOException {
        Files.copy(Path.of("config.yaml"), copy.resolve("config.yaml"));
        Files.createDirectories(copy.resolve("inventory"));
        for (String file : List.of("hosts.yaml", "groups.yaml", "defaults.yaml")) {
            Files.copy(Path.of("inventory", file), copy.resolve("inventory").resolve(file));
        }
    }

    @Test
    void theShippedInventoryResolvesForSsh() {
        String text = genja(0, "inventory", "--resolve", "ssh");
        assertThat(text).containsPattern("(?m)^core-rtr1\\s+192.0.2.1\\s+22\\s+automation\\s+cisco_ios\\s+\\{timeout=30\\}$");
        assertThat(text).containsPattern("(?m)^edge-sw2\\s+192.0.2.12\\s+2222\\s+automation\\s+arista_eos\\s+.*mode=shell");
        assertThat(text).contains("4 hosts").doesNotContain("not-shown");
    }

    @Test
    void genjaCheckFindsNothingWrongWithTheShippedSetup() {
        String text = genja(0, "check");

        assertThat(text).contains("inventory: 4 hosts, 4 groups").contains("plugins:   ssh").contains("processors: audit")
                .endsWith("ok\n");
    }

    @Test
    void genjaCheckFindsWhatTheSshPluginWouldRefuseWithoutConnecting() throws IOException {
        Path groups = copy.resolve("inventory/groups.yaml");
        Files.writeString(groups, Files.readString(groups)
                .replace("platform: cisco_ios", "platform: cisco_iso")
                .replace("mode: shell", "mode: shell\n        timeout: soon"));

        List<String> lines = genja(2, "check").lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("error: ssh: platform \"cisco_iso\" has no ssh platform profile (did you "
                + "mean \"cisco_ios\"?); known: ").endsWith(" (2 hosts: core-rtr1, core-rtr2)");
        assertThat(lines.get(1)).isEqualTo("error: ssh: extras.timeout must be a number of seconds, e.g. 30, got "
                + "\"soon\" (2 hosts: edge-sw1, edge-sw2)");
        assertThat(lines.get(2)).isEqualTo("2 problems found");
    }

    private String genja(int expectedStatus, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> command = new java.util.ArrayList<>(List.of(args));
        command.addAll(List.of("-c", copy.resolve("config.yaml").toString()));
        int status = GenjaCli.builder()
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .env(Map.of("GENJA_PASSWORD", "not-shown"))
                .build()
                .execute(command.toArray(String[]::new));
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text).isEqualTo(expectedStatus);
        return text;
    }
}
