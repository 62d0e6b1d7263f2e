package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    /** h lists [a, b]; a and b both have parent base: the order is h, a, base, b, defaults. */
    static final Inventory DIAMOND = Inventory.builder()
            .group("a", Attributes.builder().groups("base").data("from_a", 1).build())
            .group("b", Attributes.builder().groups("base").username("from-b").platform("from-b")
                    .data("site", "b").build())
            .group("base", Attributes.builder().username("from-base").data("site", "base").build())
            .defaults(Attributes.builder().port(22).password("${env:LAB_PASSWORD}")
                    .connectionOptions("ssh", new ConnectionOptions(null, null, null, "s3cret", null,
                            Map.of("api_token", "t0ken", "timeout", 30)))
                    .build())
            .host("h", Attributes.builder().groups("a", "b").build())
            .build();

    @Test
    void namesTheSourceOfEachValueAlongTheDiamond() {
        Explanation explanation = DIAMOND.explain("h", null);

        assertThat(explanation.lines()).containsExactly(
                new Explanation.Line("hostname", "h", "the host's name (no source sets hostname)"),
                new Explanation.Line("port", "22", "defaults"),
                new Explanation.Line("username", "from-base", "group base"),
                new Explanation.Line("password", "${env:LAB_PASSWORD}", "defaults"),
                new Explanation.Line("platform", "from-b", "group b"),
                new Explanation.Line("groups", "a, base, b", "host h and parents"),
                new Explanation.Line("data.from_a", "1", "group a"),
                new Explanation.Line("data.site", "base", "group base"));
        assertThat(DIAMOND.host("h").orElseThrow().allGroups()).containsExactly("a", "base", "b");
    }

    @Test
    void masksPasswordsAndSecretNamedExtrasForAPlugin() {
        Explanation explanation = DIAMOND.explain("h", "ssh");

        assertThat(explanation.line("password").orElseThrow())
                .isEqualTo(new Explanation.Line("password", "********", "defaults connection_options.ssh"));
        assertThat(explanation.line("extras.api_token").orElseThrow().value()).isEqualTo("********");
        assertThat(explanation.line("extras.timeout").orElseThrow().value()).isEqualTo("30");
        assertThat(explanation.toString()).doesNotContain("s3cret").doesNotContain("t0ken")
                .startsWith("h for ssh\n");
        assertThat(DIAMOND.resolveConnection("h", "ssh").toString()).doesNotContain("s3cret").doesNotContain("t0ken");
    }

    @Test
    void anUnknownHostIsNamedWithASuggestion() {
        assertThatThrownBy(() -> DIAMOND.explain("hh", null))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("the inventory has no host \"hh\"; did you mean \"h\"?");
    }

    @Test
    void theBuilderReportsUnknownGroupsAndCyclesTogether() {
        assertThatThrownBy(() -> Inventory.builder()
                .group("x", Attributes.builder().groups("y").build())
                .group("y", Attributes.builder().groups("x").build())
                .host("h", Attributes.builder().groups("z", "xx").build())
                .build())
                .isInstanceOfSatisfying(InventoryException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString)
                        .isEqualTo(List.of("host \"h\" lists group \"z\", which is not defined",
                                "host \"h\" lists group \"xx\", which is not defined; did you mean \"x\"?",
                                "group cycle: x -> y -> x")));
    }

    @Test
    void transformsDoNotChangeTheInventoryTheyStartFrom() {
        Inventory changed = DIAMOND.toBuilder()
                .host("h", DIAMOND.host("h").orElseThrow().attributes().toBuilder().username("own").build())
                .host("new")
                .build();

        assertThat(changed.host("h").orElseThrow().username()).isEqualTo("own");
        assertThat(changed.hosts()).extracting(Host::name).containsExactly("h", "new");
        assertThat(DIAMOND.host("h").orElseThrow().username()).isEqualTo("from-base");
        assertThat(DIAMOND.size()).isEqualTo(1);
    }
}
