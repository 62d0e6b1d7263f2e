package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parent chains thousands of groups deep are walked without recursion: no StackOverflowError. */
class DeepGroupChainTest {

    private static final int DEPTH = 20_000;

    @TempDir
    Path directory;

    @Test
    void aHostInheritsThroughAChainTwentyThousandGroupsDeep() throws IOException {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < DEPTH; i++) {
            groups.append('g').append(i).append(": {").append(i + 1 < DEPTH ? "groups: [g" + (i + 1) + "]" : "port: 2222")
                    .append("}\n");
        }
        Path groupsFile = Files.writeString(directory.resolve("groups.yaml"), groups);
        Path hostsFile = Files.writeString(directory.resolve("hosts.yaml"), "r1: {groups: [g0]}\n");

        Inventory inventory = Inventory.load(hostsFile, groupsFile, null);

        Host r1 = inventory.host("r1").orElseThrow();
        assertThat(r1.port()).isEqualTo(2222);
        assertThat(r1.allGroups()).hasSize(DEPTH).startsWith("g0", "g1").endsWith("g" + (DEPTH - 1));
    }

    @Test
    void aCycleAtTheEndOfADeepChainIsFoundOnce() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < DEPTH; i++) {
            names.add("g" + i);
        }
        List<List<String>> cycles = GroupCycles.find(names, group -> {
            int i = Integer.parseInt(group.substring(1));
            return List.of(i + 1 < DEPTH ? "g" + (i + 1) : "g" + (DEPTH - 3));
        });

        assertThat(cycles).containsExactly(List.of("g" + (DEPTH - 3), "g" + (DEPTH - 2), "g" + (DEPTH - 1),
                "g" + (DEPTH - 3)));
    }
}
