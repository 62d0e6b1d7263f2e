package io.genja.textfsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Python patterns that Java reads differently, matched as Python matches them (the corpus covers templates). */
class PythonRegexTest {

    private static boolean matches(String python, String text) throws PythonRegex.Invalid {
        return PythonRegex.compile(python).matcher(text).matches();
    }

    @Test
    void namedGroupsKeepTheirPythonNames() throws Exception {
        PythonRegex regex = PythonRegex.compile("(?P<if_name>\\S+) (?P<_2nd>\\d+)(?P=if_name)");
        assertThat(regex.groupNames()).containsOnlyKeys("if_name", "_2nd");
        Matcher matcher = regex.matcher("ab 12ab");
        assertThat(matcher.matches()).isTrue();
        assertThat(matcher.group(regex.groupNames().get("_2nd"))).isEqualTo("12");
        assertThat(regex.groupCount()).isEqualTo(2);
    }

    @Test
    void literalsPythonAcceptsAndJavaWouldNot() throws Exception {
        assertThat(matches("x{", "x{")).isTrue();
        assertThat(matches("a{,2}", "aa")).isTrue();
        assertThat(matches("[[]x", "[x")).isTrue();
        assertThat(matches("[]a]+", "]a]")).isTrue();
        assertThat(matches("[a&&b]+", "a&b")).isTrue();
        assertThat(matches("a\\Z", "a")).isTrue();
        assertThat(matches("a$", "a\n")).isFalse();
        assertThat(matches("\\s", "\u001f")).isTrue();
        assertThat(matches("\\v\\a\\101\\U00000042", "\u000b\u0007AB")).isTrue();
        assertThat(matches("(?a)\\w", "é")).isFalse();
        assertThat(matches("\\w", "é")).isTrue();
    }

    @Test
    void whatPythonRefusesIsRefused() {
        for (String refused : new String[] {"\\e", "\\h", "\\Q", "(?<n>x)", "a(?i)", "(?P<a>x)(?P<a>y)", "(?(1)a|b)",
                "[a", "\\1", "(?P=nope)"}) {
            assertThatThrownBy(() -> PythonRegex.compile(refused)).as(refused).isInstanceOf(PythonRegex.Invalid.class);
        }
    }
}
