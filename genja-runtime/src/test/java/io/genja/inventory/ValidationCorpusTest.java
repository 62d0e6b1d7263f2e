package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.genja.document.Problem;
import io.genja.settings.Settings;
import io.genja.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every directory under {@code src/test/resources/invalid} is one bad inventory ({@code hosts}, {@code groups},
 * {@code defaults}, YAML or JSON) or settings file ({@code config.yaml}), with {@code expected.txt}: the exact
 * problems, one per line, as {@code file:line:column: message}. A load must throw the project's own exception
 * carrying all of them, in file order. To regenerate after a deliberate wording change, run with
 * {@code -Dgenja.corpus.write=true} and review the diff.
 */
class ValidationCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/invalid");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHasAtLeast25Cases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedProblems(String name) throws IOException {
        Path dir = CORPUS.resolve(name);
        Throwable thrown = catchThrowable(() -> load(dir));

        List<Problem> problems;
        if (Files.exists(dir.resolve("config.yaml"))) {
            assertThat(thrown).isInstanceOf(SettingsException.class);
            problems = ((SettingsException) thrown).problems();
        } else {
            assertThat(thrown).isInstanceOf(InventoryException.class);
            problems = ((InventoryException) thrown).problems();
        }
        List<String> actual = problems.stream().map(ValidationCorpusTest::relative).toList();
        Path expectedFile = dir.resolve("expected.txt");
        if (Boolean.getBoolean("genja.corpus.write")) {
            Files.write(expectedFile, actual);
        }
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expectedFile));
        assertThat(thrown.getMessage()).contains(actual.get(0));
    }

    private static void load(Path dir) {
        if (Files.exists(dir.resolve("config.yaml"))) {
            Settings.load(dir.resolve("config.yaml"), Map.of());
            return;
        }
        Inventory.load(file(dir, "hosts"), optional(dir, "groups"), optional(dir, "defaults"));
    }

    private static Path file(Path dir, String name) {
        Path json = dir.resolve(name + ".json");
        return Files.exists(json) ? json : dir.resolve(name + ".yaml");
    }

    private static Path optional(Path dir, String name) {
        Path file = file(dir, name);
        return Files.exists(file) ? file : null;
    }

    /** The problem with its file named relative to the case directory, so expectations do not depend on paths. */
    private static String relative(Problem problem) {
        String file = problem.file() == null ? null : Path.of(problem.file()).getFileName().toString();
        return new Problem(file, problem.line(), problem.column(), problem.message()).toString();
    }
}
