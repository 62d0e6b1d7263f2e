package io.genja.processor.base;


import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(Suggestions.distance("ssh", "ssh")).isZero();
        assertThat(Suggestions.distance("shh", "ssh")).isEqualTo(1);
        assertThat(Suggestions.distance("sh", "ssh")).isEqualTo(1);
        assertThat(Suggestions.distance("audti", "audit")).isEqualTo(1);
        assertThat(Suggestions.distance("netconf", "ssh")).isEqualTo(7);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggestsTheClosestPlausibleName() {
        List<String> known = List.of("netconf", "ssh", "snmp");
        assertThat(Suggestions.closest("shh", known)).contains("ssh");
        assertThat(Suggestions.closest("SSH", known)).contains("ssh");
        assertThat(Suggestions.closest("netconfig", known)).contains("netconf");
        assertThat(Suggestions.closest("telnet", known)).isEmpty();
        assertThat(Suggestions.closest("x", List.of())).isEmpty();
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstName() {
        assertThat(Suggestions.closest("sab", List.of("sac", "saa"))).contains("saa");
    }
}
