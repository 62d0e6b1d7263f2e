package io.genja.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for generated sources, in {@code src/test/resources/golden}. After an intended change to the
 * generated code, regenerate them with {@code mvn -pl genja-processor verify -Dgenja.regenerateGolden=true}
 * and review the diff.
 */
final class Golden {

    private static final Path FOLDER = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    static void assertMatches(String fileName, String actual) throws IOException {
        Path golden = FOLDER.resolve(fileName);
        if (Boolean.getBoolean("genja.regenerateGolden")) {
            Files.createDirectories(FOLDER);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dgenja.regenerateGolden=true)", golden).exists();
        assertThat(actual).as("generated source versus %s (regenerate with -Dgenja.regenerateGolden=true)", golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
