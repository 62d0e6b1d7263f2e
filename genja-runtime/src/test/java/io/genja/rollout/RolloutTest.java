package io.genja.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rollout model behind settings, RunOptions and the command line: parsing, errors, merging. */
class RolloutTest {

    @Test
    void batchSizesParseAsAnsibleWritesSerial() {
        assertThat(Rollout.defaults().batches("1,10%", "100%").batches())
                .containsExactly(BatchSize.hosts(1), BatchSize.percent(10), BatchSize.percent(100));
        assertThat(BatchSize.parseList(List.of("5")).get(0).hostsOf(3)).isEqualTo(5);
        assertThat(BatchSize.percent(1).hostsOf(10)).isEqualTo(1);
    }

    @Test
    void wrongValuesSayWhatWouldBeRight() {
        assertThatThrownBy(() -> BatchSize.parse("ten")).hasMessageContaining("(5)").hasMessageContaining("(10%)");
        assertThatThrownBy(() -> BatchSize.parse("0")).hasMessageContaining("at least 1 host");
        assertThatThrownBy(() -> BatchSize.parse("150%")).hasMessageContaining("between 1% and 100%");
        assertThatThrownBy(() -> BatchSize.parseList(List.of("1,,2"))).hasMessageContaining("empty entry");
        assertThatThrownBy(() -> HostOrder.parse("sortd"))
                .hasMessage("unknown host order \"sortd\"; known: inventory, reverse_inventory, sorted, "
                        + "reverse_sorted, shuffle; did you mean \"sorted\"?");
        assertThatThrownBy(() -> Throttle.parse("site")).hasMessageContaining("KEY=N");
        assertThatThrownBy(() -> Throttle.parse("site=0")).hasMessageContaining("at least 1 host");
        assertThatThrownBy(() -> Rollout.parsePercentage("101")).hasMessageContaining("between 0 and 100");
    }

    @Test
    void ordersAndThrottlesParse() {
        assertThat(HostOrder.parse("Reverse-Sorted")).isEqualTo(HostOrder.REVERSE_SORTED);
        assertThat(Throttle.parse("site=2")).isEqualTo(new Throttle("site", 2));
        assertThat(Throttle.parse("group:core=1").group()).contains("core");
        assertThat(Throttle.parse("site=2").group()).isEmpty();
        assertThat(Rollout.parsePercentage("12.5%")).isEqualTo(12.5);
    }

    @Test
    void knobsSetHereWinAndTheOthersComeFromTheFallback() {
        Rollout settings = Rollout.defaults().batches("1", "100%").maxFailPercentage(20).order(HostOrder.SORTED)
                .throttle("site", 2).throttle("group:core", 1);
        Rollout run = Rollout.defaults().maxFailPercentage(0).throttle("site", 3);
        Rollout merged = run.orElse(settings);
        assertThat(merged.batches()).containsExactly(BatchSize.hosts(1), BatchSize.percent(100));
        assertThat(merged.maxFailPercentage()).hasValue(0);
        assertThat(merged.order()).isEqualTo(HostOrder.SORTED);
        assertThat(merged.throttles()).containsExactly(new Throttle("group:core", 1), new Throttle("site", 3));
        assertThat(Rollout.defaults().orElse(Rollout.defaults())).isEqualTo(Rollout.defaults());
        assertThat(Rollout.defaults().isPlain()).isTrue();
        assertThat(merged.toString()).isEqualTo("batches 1,100%, max_fail_percentage 0%, order sorted, "
                + "throttle group:core=1 site=3");
    }
}
