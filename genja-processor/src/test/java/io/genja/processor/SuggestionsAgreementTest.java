package io.genja.processor;

import io.genja.processor.base.Suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor's {@link Suggestions} is a copy of the runtime's {@code io.genja.document.Suggestions} (javac runs
 * the processor without genja-runtime). These tests hold both to one rule: first on a table that spells the rule
 * out, then on every small case, so a change to one copy alone fails the build.
 */
class SuggestionsAgreementTest {

    static List<Arguments> rule() {
        List<String> plugins = List.of("netconf", "ssh", "snmp");
        return List.of(
                Arguments.of("shh", plugins, "ssh"),                       // one substitution
                Arguments.of("SSH", plugins, "ssh"),                       // case is ignored
                Arguments.of("netconfig", plugins, "netconf"),             // two edits in nine characters
                Arguments.of("telnet", plugins, null),                     // nothing close
                Arguments.of("audti", List.of("audit"), "audit"),          // a swap is one edit
                Arguments.of("hostnmae", List.of("port", "hostname"), "hostname"),
                Arguments.of("Statik", List.of("file", "static"), "static"),
                Arguments.of("thread", List.of("threaded", "serial"), "threaded"),
                Arguments.of("runer", List.of("core", "inventory", "ssh", "runner", "logging"), "runner"),
                Arguments.of("cisco_ois", List.of("juniper_junos", "cisco_nxos", "cisco_ios"), "cisco_ios"),
                Arguments.of("abcd", List.of("abxy"), null),               // two edits: too many for four characters
                Arguments.of("abcde", List.of("abxye"), "abxye"),          // two edits: fine for five
                Arguments.of("hh", List.of("h"), "h"),                     // keeps one character of what was typed
                Arguments.of("x", List.of("y"), null),                     // keeps nothing of what was typed
                Arguments.of("", List.of("a"), null),
                Arguments.of("x", List.of(), null),                        // nothing known
                Arguments.of("sab", List.of("sac", "saa"), "saa"),         // a tie goes to the alphabetically first
                Arguments.of("sab", List.of("saa", "sac"), "saa"),         // ... whatever the order given
                Arguments.of("Ab", List.of("ab", "AB"), "AB"));            // ... by String.compareTo, case included
    }

    @ParameterizedTest(name = "\"{0}\" among {1} -> {2}")
    @MethodSource("rule")
    void bothCopiesFollowTheRule(String typed, List<String> known, String expected) {
        assertThat(Suggestions.closest(typed, known)).isEqualTo(Optional.ofNullable(expected));
        assertThat(io.genja.document.Suggestions.closest(typed, known)).isEqualTo(Optional.ofNullable(expected));
    }

    /** Every typed name of up to three of {a, b, A} against every list of up to two names of up to three of {a, b}. */
    @Test
    void bothCopiesAgreeOnEverySmallCase() {
        List<String> typed = words("abA", 3);
        List<String> names = words("ab", 3).stream().filter(word -> !word.isEmpty()).toList();
        List<List<String>> knownLists = new ArrayList<>();
        knownLists.add(List.of());
        for (String first : names) {
            knownLists.add(List.of(first));
            for (String second : names) {
                knownLists.add(List.of(first, second));
            }
        }
        int compared = 0;
        for (String wrong : typed) {
            for (List<String> known : knownLists) {
                assertThat(io.genja.document.Suggestions.closest(wrong, known))
                        .as("\"%s\" among %s", wrong, known)
                        .isEqualTo(Suggestions.closest(wrong, known));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(40 * (1 + 14 + 14 * 14));
    }

    /** Every word of at most {@code maxLength} letters from {@code alphabet}, the empty one included. */
    private static List<String> words(String alphabet, int maxLength) {
        List<String> words = new ArrayList<>(List.of(""));
        List<String> previous = List.of("");
        for (int length = 1; length <= maxLength; length++) {
            List<String> longer = new ArrayList<>();
            for (String word : previous) {
                for (char letter : alphabet.toCharArray()) {
                    longer.add(word + letter);
                }
            }
            words.addAll(longer);
            previous = longer;
        }
        return words;
    }
}
