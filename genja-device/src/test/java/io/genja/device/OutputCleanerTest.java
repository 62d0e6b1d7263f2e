package io.genja.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputCleanerTest {

    @Test
    void removesAnsiEscapesAndCarriageReturns() {
        assertThat(OutputCleaner.clean("\u001B[1mbold\u001B[0m line\r\nnext\r\n")).isEqualTo("bold line\nnext\n");
    }

    @Test
    void appliesBackspacesAndErasedPagerMarkers() {
        assertThat(OutputCleaner.clean("line 23\r\n" + "\b".repeat(9) + " ".repeat(9) + "\b".repeat(9) + "line 24\r\n"))
                .isEqualTo("line 23\nline 24\n");
        assertThat(OutputCleaner.clean("shw\b\bhow run\n")).isEqualTo("show run\n");
    }

    @Test
    void aBareCarriageReturnRewritesTheLine() {
        assertThat(OutputCleaner.clean("progress 10%\rprogress 100%\ndone")).isEqualTo("progress 100%\ndone");
    }
}
