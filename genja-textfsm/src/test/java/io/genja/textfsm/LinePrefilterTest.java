package io.genja.textfsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The prefilter may only skip lines the regex cannot match: for every pattern and line here, a line it rules out
 * must not match the pattern (checked against the compiled regex itself), and the common shapes must be filtered.
 */
class LinePrefilterTest {

    private static final List<String> PATTERNS = List.of("^\\s+MTU (\\d+) bytes", "^\\s*$", "^$", "^\\s+$",
            "^Interface\\s+IP", "^ab?c", "^xy*z", "^qq+ ", "^alt|other", "^\\s+\\.dot", "^\\s*\\(p\\)", "^lit{2}",
            "^\\s+(x)", "^(?i)nope", "^\\s+?lazy", "^a{,2}b", "^\\s+ sp", "^[|]x", "^(a|b)c|d", "^\\s\\w",
            "^\\s+(?P<N>\\d+) packets", "^(?P<I>\\S+) is", "^\\s+\\S", "^\\s+(\\d+)? x", "^\\s+(?:\\d|x)y",
            "^(\\d)*z", "^\\s*\\d{0,2}a", "^\\d+", "^((?P<A>\\d+)-(?P<B>\\d+))", "^\\s+(?=x)\\S",
            "^\\s+(?P<N>(\\d+)) packets input", "^\\s+\\d+ minute", "^(\\d+)+ x", "^(\\d+?)x", "^\\d++\\.\\d",
            "^(?P<A>\\d+ pk|\\d+ by)", "^(\\d+)5 z", "^\\d+(?: a)?b", "^(?P<A>\\d+ k)", "^\\d+ ab?");
    private static final List<String> LINES = List.of("", " ", "\t", "\u00a0", "  MTU 1500 bytes", "MTU 1500 bytes",
            "Interface  IP-Address", "ac", "abc", "abbc", "xz", "xyyz", "q ", "qq ", "alt", "other", " .dot", ".dot",
            "(p)", "   (p)", "litt", "lit{2}", "  x", "NOPE", "  lazy", "b", "ab", "aab", "   sp", "|x", "d", "bc",
            " w", "\u2003MTU 1 bytes", "  12 packets", "  x packets", "Gi0 is", " Gi0 is", "  ", "  \u0663 packets",
            "\ud835\udfce packets", "  xy", "  5y", "z", "a", "7", "1-2", "  x", "x-1",
            "   12 packets input", "   12 packets output", "  5 minute", "  5minute", "12 x", "12x", "123x", "1.5",
            "1.x", "1 pk", "1 by", "125 z", "15 z", "1b", "1 ab", "1 a", "1 k", "\u0663\u0664 k", "12 packets input");

    @Test
    void aLineRuledOutNeverMatches() throws Exception {
        for (String pattern : PATTERNS) {
            LinePrefilter prefilter = LinePrefilter.of(pattern);
            PythonRegex regex;
            try {
                regex = PythonRegex.compile(pattern);
            } catch (PythonRegex.Invalid e) {
                continue; // (?i) after ^ is refused as Python refuses it: nothing to filter
            }
            for (String line : LINES) {
                if (!prefilter.mayMatch(line, 0, line.length(), LinePrefilter.indentation(line, 0, line.length()))) {
                    assertThat(regex.matcher(line).lookingAt()).as("%s ruled out \"%s\"", pattern, line).isFalse();
                }
            }
        }
    }

    @Test
    void rulesStartingWithAWordAreFilteredAndOthersAreNot() {
        assertThat(LinePrefilter.of("^\\s+MTU (\\d+)").mayMatch("     0 runts", 0, 12, 5)).isFalse();
        assertThat(LinePrefilter.of("^\\s*$").mayMatch("  x", 0, 3, 2)).isFalse();
        assertThat(LinePrefilter.of("^alt|other")).isSameAs(LinePrefilter.NONE);
        assertThat(LinePrefilter.of("^\\s+?lazy")).isSameAs(LinePrefilter.NONE);
        assertThat(LinePrefilter.of("^\\s+(?P<N>\\d+) packets input").mayMatch("     Received 12", 0, 16, 5)).isFalse();
        assertThat(LinePrefilter.of("^(?P<I>\\S+) is").mayMatch("  MTU 1500", 0, 10, 2)).isFalse();
        assertThat(LinePrefilter.of("^\\s+(\\d+)? x")).isSameAs(LinePrefilter.NONE);
        LinePrefilter packetsInput = LinePrefilter.of("^\\s+(?P<IN>(\\d+)) packets input,");
        assertThat(packetsInput.mayMatch("     0 runts, 0 giants", 0, 22, 5)).isFalse();
        assertThat(packetsInput.mayMatch("     12 packets output,", 0, 23, 5)).isFalse();
        assertThat(packetsInput.mayMatch("     12 packets input,", 0, 22, 5)).isTrue();
        // the line ends inside the word: the characters after it belong to the next line
        assertThat(LinePrefilter.of("^\\s+MTU").mayMatch("  MT\nU", 0, 4, 2)).isFalse();
        assertThat(packetsInput.mayMatch("  1 packets\n input,", 0, 11, 2)).isFalse();
    }
}
