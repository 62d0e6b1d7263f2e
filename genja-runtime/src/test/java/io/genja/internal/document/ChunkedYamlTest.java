package io.genja.internal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChunkedYamlTest {

    private static String hosts(int count, String extra) {
        StringBuilder yaml = new StringBuilder("# inventory\n");
        for (int i = 0; i < count; i++) {
            yaml.append("h").append(i).append(":\n  port: ").append(i % 1000 + 1).append('\n');
            if (i == count / 2) {
                yaml.append(extra);
            }
        }
        return yaml.toString();
    }

    /** Read with a cut before every line that looks like a root key. */
    private static Optional<List<ChunkedYaml.Piece<String>>> read(String text) {
        return ChunkedYaml.read(text, "hosts.yaml", ReadLimits.DEFAULT, 2, text.length(),
                (checker, entry) -> entry.key().asText() + "@" + entry.key().line());
    }

    @Test
    void cutsAtRootKeysAndKeepsOrderAndLines() {
        String text = hosts(1_000, "");

        List<ChunkedYaml.Piece<String>> pieces = read(text).orElseThrow();

        assertThat(pieces).hasSizeGreaterThan(1);
        List<String> keys = pieces.stream().flatMap(piece -> piece.values().stream()).toList();
        assertThat(keys).hasSize(1_000);
        for (int i = 0; i < 1_000; i++) {
            assertThat(keys.get(i)).isEqualTo("h" + i + "@" + (2 * i + 2));
        }
    }

    @Test
    void givesUpWhenACutLandsInsideAConstructOrTheFileHasMarkers() {
        assertThat(read(hosts(1_000, "  data: {a: 1,\nb: 2}\n"))).isEmpty();
        assertThat(read(hosts(1_000, "  description: \"two\nlines: here\"\n"))).isEmpty();
        assertThat(read(hosts(1_000, "  data: &x {a: 1}\n")
                .replace("h999:\n  port: 1000\n", "h999:\n  data: *x\n"))).isEmpty();
        assertThat(ChunkedYaml.cuts("---\na: 1\n---\nb: 2\n", 4)).hasSize(1);
    }
}
