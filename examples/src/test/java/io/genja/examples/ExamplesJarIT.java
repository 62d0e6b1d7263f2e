package io.genja.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main-job command, as a newcomer runs it: {@code java -jar examples/target/genja-examples.jar} in a
 * fresh directory, twice. Runs after {@code package} (Failsafe), against the shaded jar itself.
 */
class ExamplesJarIT {

    private static final Path JAR = Path.of("target", "genja-examples.jar").toAbsolutePath();

    @TempDir
    Path workingDirectory;

    @Test
    void theMainJobBacksUpFortyEightOfFiftyDevicesAndReportsNoChangeTheSecondTime() throws Exception {
        CommandRun first = java();

        assertThat(first.status()).as(first.toString()).isEqualTo(1);
        assertThat(first.out()).contains("50 hosts, 48 passed (48 changed), 2 failed (1 unreachable), 0 skipped");
        assertThat(first.out()).containsPattern("(?m)^ios-031\\s+unreachable\\s+.+AUTHENTICATION: ");
        assertThat(first.out()).containsPattern("(?m)^ios-032\\s+failed\\s+.+CONNECTION: ");
        assertThat(first.err()).as("nothing but the table on a clean run").isEmpty();
        assertThat(backups()).hasSize(48);

        CommandRun second = java();

        assertThat(second.out()).as(second.toString())
                .contains("50 hosts, 48 passed (0 changed), 2 failed (1 unreachable), 0 skipped");
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(workingDirectory.resolve("backups"))) {
            return files.filter(f -> f.toString().endsWith(".cfg")).toList();
        }
    }

    private CommandRun java() throws IOException, InterruptedException {
        return CommandRun.of(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()), workingDirectory, Map.of());
    }
}
