package io.genja.bench.inventory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic SimpleInventory: {@code hosts} hosts in 2 leaf groups each, 100 groups with 3 levels of
 * parents above the leaves (5 roots, 15, 25, 55 leaves), and defaults.
 */
final class InventoryFiles {

    static final int GROUPS = 100;
    private static final int[] LEVEL_START = {0, 5, 20, 45, GROUPS};

    private InventoryFiles() {
    }

    /** Writes hosts.yaml, groups.yaml and defaults.yaml into {@code dir} unless they are there already. */
    static Path write(Path dir, int hosts) throws IOException {
        Files.createDirectories(dir);
        Path hostsFile = dir.resolve("hosts.yaml");
        if (Files.exists(hostsFile) && Files.exists(dir.resolve("defaults.yaml"))) {
            return dir;
        }
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("groups.yaml"), StandardCharsets.UTF_8)) {
            for (int level = 0; level < 4; level++) {
                for (int g = LEVEL_START[level]; g < LEVEL_START[level + 1]; g++) {
                    out.write(group(g) + ":\n");
                    if (level > 0) {
                        int parents = LEVEL_START[level] - LEVEL_START[level - 1];
                        out.write("  groups: [" + group(LEVEL_START[level - 1] + g % parents) + "]\n");
                    }
                    out.write("  data:\n    level" + level + ": " + group(g) + "\n");
                    if (level == 0) {
                        out.write("  username: user" + g + "\n");
                        out.write("  connection_options:\n    ssh:\n      extras:\n        device_type: cisco_ios\n");
                    }
                    if (level == 2) {
                        out.write("  platform: ios\n");
                    }
                }
            }
        }
        Files.writeString(dir.resolve("defaults.yaml"), "port: 22\nusername: automation\nconnection_options:\n"
                + "  ssh:\n    extras:\n      timeout: 30\n");
        int leaves = GROUPS - LEVEL_START[3];
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("hosts.tmp"), StandardCharsets.UTF_8)) {
            for (int h = 0; h < hosts; h++) {
                out.write(String.format("host%06d:%n", h));
                out.write("  hostname: 10." + (h >> 16) + "." + ((h >> 8) & 255) + "." + (h & 255) + "\n");
                int first = LEVEL_START[3] + h % leaves;
                int second = LEVEL_START[3] + (h / leaves + h + 1) % leaves;
                if (second == first) {
                    second = LEVEL_START[3] + (second - LEVEL_START[3] + 1) % leaves;
                }
                out.write("  groups: [" + group(first) + ", " + group(second) + "]\n");
                out.write("  data:\n    site: site" + (h % 40) + "\n    rack: " + (h % 500) + "\n");
                if (h % 10 == 0) {
                    out.write("  connection_options:\n    ssh:\n      port: 2222\n");
                }
            }
        }
        Files.move(dir.resolve("hosts.tmp"), hostsFile);
        return dir;
    }

    private static String group(int g) {
        return String.format("g%03d", g);
    }
}
