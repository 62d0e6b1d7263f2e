package io.genja.internal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReadLimits#maxLineLength()} bounds reading time: a long line is refused before it is parsed. */
class LineLengthLimitTest {

    @TempDir
    Path directory;

    @Test
    void aLineAtTheLimitIsReadAndOneOverItIsRefusedWithItsLine() throws Exception {
        DocumentReader reader = new DocumentReader(new ReadLimits(1 << 20, 50, 64, 20));
        Path fits = Files.writeString(directory.resolve("fits.yaml"), "a: 1\r\nb: " + "x".repeat(17) + "\r\n");
        Path over = Files.writeString(directory.resolve("over.yaml"), "a: 1\nb: 2\nc: " + "x".repeat(18) + "\n");

        assertThat(((MapNode) reader.read(fits).root()).entries()).hasSize(2);
        DocumentException refused = catchThrowableOfType(() -> reader.read(over, "over.yaml"), DocumentException.class);
        assertThat(refused.problem().toString()).isEqualTo("over.yaml:3:1: a line longer than 20 characters; the file "
                + "is refused to keep reading time bounded");
    }

    @Test
    void aScalarOfEightMegabytesIsRefusedQuickly() throws IOException {
        Path file = Files.writeString(directory.resolve("hosts.yaml"), "r1:\n  data:\n    blob: "
                + "x".repeat(8 * 1024 * 1024) + "\n");

        long start = System.nanoTime();
        DocumentException refused = catchThrowableOfType(() -> new DocumentReader().read(file, "hosts.yaml"),
                DocumentException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(refused.problem().toString()).startsWith("hosts.yaml:3:1: a line longer than 262144 characters");
    }
}
