package io.genja.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.Host;
import io.genja.rollout.HostOrder;
import io.genja.rollout.Rollout;
import io.genja.testing.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batches are cut as Ansible cuts {@code serial}; orders are Ansible's {@code order}. */
class BatchPlanTest {

    @Test
    void canaryThenTenPercentThenTheRest() {
        assertThat(sizes(100, "1", "10%", "100%")).containsExactly(1, 10, 89);
    }

    @Test
    void theLastSizeRepeatsUntilEveryHostHasABatch() {
        assertThat(sizes(10, "1", "2")).containsExactly(1, 2, 2, 2, 2, 1);
        assertThat(sizes(5, "2")).containsExactly(2, 2, 1);
        assertThat(sizes(7, "30%")).containsExactly(2, 2, 2, 1);
    }

    @Test
    void percentagesOfTheSelectedHostsRoundDownAsAnsibleDoesButTakeAtLeastOne() {
        assertThat(sizes(3, "10%")).containsExactly(1, 1, 1);
        // (29 / 100.0) * 100 is 28.999999999999996 in floating point: Ansible takes 28, and so does Genja
        assertThat(sizes(100, "29%", "100%")).containsExactly(28, 72);
        assertThat(sizes(100, "50%")).containsExactly(50, 50);
    }

    @Test
    void withoutSizesEveryHostIsInOneBatch() {
        assertThat(sizes(4)).containsExactly(4);
        assertThat(BatchPlan.of(List.of(), Rollout.defaults()).batchCount()).isZero();
    }

    @Test
    void ordersAreInventorySortedReversedOrShuffledBySeed() {
        List<Host> hosts = Fixtures.hosts(12).hosts(); // h0 .. h11: sorted puts h10 and h11 after h1
        assertThat(names(hosts, Rollout.defaults())).startsWith("h0", "h1", "h2");
        assertThat(names(hosts, Rollout.defaults().order(HostOrder.REVERSE_INVENTORY))).startsWith("h11", "h10", "h9");
        assertThat(names(hosts, Rollout.defaults().order(HostOrder.SORTED))).startsWith("h0", "h1", "h10", "h11", "h2");
        assertThat(names(hosts, Rollout.defaults().order(HostOrder.REVERSE_SORTED))).startsWith("h9", "h8");

        Rollout shuffled = Rollout.defaults().order(HostOrder.SHUFFLE).seed(42);
        List<String> once = names(hosts, shuffled);
        assertThat(names(hosts, shuffled)).isEqualTo(once);
        assertThat(once).containsExactlyInAnyOrderElementsOf(names(hosts, Rollout.defaults()))
                .isNotEqualTo(names(hosts, Rollout.defaults()));
        assertThat(names(hosts, shuffled.seed(43))).isNotEqualTo(once);
    }

    @Test
    void batchesAreCutAfterOrdering() {
        List<Host> hosts = Fixtures.hosts(5).hosts();
        BatchPlan plan = BatchPlan.of(hosts, Rollout.defaults().order(HostOrder.REVERSE_INVENTORY).batches("1"));
        assertThat(plan.hostsOf(0)).containsExactly(4);
        assertThat(plan.hostsOf(4)).containsExactly(0);
    }

    private static List<Integer> sizes(int hosts, String... batches) {
        Rollout rollout = batches.length == 0 ? Rollout.defaults() : Rollout.defaults().batches(batches);
        BatchPlan plan = BatchPlan.of(Fixtures.hosts(hosts).hosts(), rollout);
        List<Integer> sizes = new ArrayList<>();
        for (int batch = 0; batch < plan.batchCount(); batch++) {
            sizes.add(plan.hostsOf(batch).length);
        }
        return sizes;
    }

    private static List<String> names(List<Host> hosts, Rollout rollout) {
        BatchPlan plan = BatchPlan.of(hosts, rollout);
        return Arrays.stream(plan.hostsOf(0)).mapToObj(i -> hosts.get(i).name()).toList();
    }
}
