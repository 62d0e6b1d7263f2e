package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterTest {

    /** r1, r2 in core (parent: backbone); r3 in edge; sw1 in access; platforms and sites as data. */
    static final Inventory INVENTORY = Inventory.builder()
            .group("backbone", Attributes.builder().data("tier", 1).build())
            .group("core", Attributes.builder().groups("backbone").platform("ios").build())
            .group("edge", Attributes.builder().platform("junos").build())
            .group("access", Attributes.builder().platform("eos").build())
            .host("r1", Attributes.builder().groups("core").data("site", "ams").build())
            .host("r2", Attributes.builder().groups("core").data("site", "fra").build())
            .host("r3", Attributes.builder().groups("edge", "core").data("site", "ams").build())
            .host("sw1", Attributes.builder().groups("access").port(2222).data("site", "ams")
                    .data("rack", java.util.Map.of("row", "b")).build())
            .build();

    static List<String> select(Filter filter) {
        return INVENTORY.hosts().stream().filter(filter::test).map(Host::name).toList();
    }

    @ParameterizedTest(name = "{0} selects {1}")
    @CsvSource(delimiter = '|', value = {
        "all                | r1 r2 r3 sw1",
        "*                  | r1 r2 r3 sw1",
        "core               | r1 r2 r3",
        "backbone           | r1 r2 r3",
        "r1                 | r1",
        "r1:sw1             | r1 sw1",
        "r1,sw1             | r1 sw1",
        "core:&edge         | r3",
        "core:!r3           | r1 r2",
        "!r3                | r1 r2 sw1",
        "core:access:!r2    | r1 r3 sw1",
        "r*                 | r1 r2 r3",
        "r[12]              | r1 r2",
        "r[!12]             | r3",
        "?1                 | r1",
        "acc*               | sw1",
        "~r\\d              | r1 r2 r3",
        "~[se][wd]          | r3 sw1",
        "platform=ios       | r1 r2",
        "platform=ju*       | r3",
        "site=ams           | r1 r3 sw1",
        "data.site=ams      | r1 r3 sw1",
        "rack.row=b         | sw1",
        "port=2222          | sw1",
        "tier=1             | r1 r2 r3",
        "site=ams:&core     | r1 r3",
        "site=ams:!platform=ios | r3 sw1",
        "nothing            | ''",
    })
    void parses(String expression, String expected) {
        List<String> hosts = expected.isEmpty() ? List.of() : List.of(expected.split(" "));

        assertThat(select(Filter.parse(expression))).containsExactlyElementsOf(hosts);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', value = {
        "''           | 1 | the expression is empty",
        "core::ios    | 6 | empty pattern between separators",
        "core:        | 6 | empty pattern between separators",
        ":core        | 1 | empty pattern between separators",
        "core:&       | 7 | '&' must be followed by a pattern",
        "core:!       | 7 | '!' must be followed by a pattern",
        "core:&!ios   | 7 | '&' must be followed by a pattern",
        "~            | 1 | '~' must be followed by a regular expression",
        "r1:~r(       | 7 | invalid regular expression",
        "=ios         | 1 | '=' needs a key before it",
        "r[12         | 2 | '[' without a closing ']'",
    })
    void reportsMistakesWithTheirPosition(String expression, int position, String message) {
        assertThatThrownBy(() -> Filter.parse(expression))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.position() + 1).isEqualTo(position);
                    assertThat(e.getMessage()).contains("at position " + position + ": " + message)
                            .endsWith("\n  " + " ".repeat(position - 1) + "^");
                });
    }

    @Test
    void notIsTheComplementAlsoForHostsWithoutTheKey() {
        Filter hasPort = Filter.key("port");

        assertThat(select(hasPort)).containsExactly("sw1");
        assertThat(select(hasPort.not())).containsExactly("r1", "r2", "r3");
        assertThat(select(Filter.eq("platform", "ios").not())).containsExactly("r3", "sw1");
    }

    @Test
    void composesInCode() {
        Filter filter = Filter.group("core").and(Filter.keyValue("site", "a.*")).or(Filter.name("sw\\d"));

        assertThat(select(filter)).containsExactly("r1", "r3", "sw1");
        assertThat(filter.toString()).isEqualTo("((group core and site ~ a.*) or name ~ sw\\d)");
    }
}
