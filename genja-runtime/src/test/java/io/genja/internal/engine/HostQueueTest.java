package io.genja.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.Attributes;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.rollout.Throttle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Throttles as the queue applies them: the first waiting host with room goes, hosts of a full site wait. */
class HostQueueTest {

    /** a0 a1 a2 b0 b1 c0 (site a, a, a, b, b, none), c0 also in group core with a0. */
    private static final List<Host> HOSTS = Inventory.builder()
            .group("core", Attributes.builder().build())
            .host("a0", Attributes.builder().data("site", "a").groups("core").build())
            .host("a1", Attributes.builder().data("site", "a").build())
            .host("a2", Attributes.builder().data("site", "a").build())
            .host("b0", Attributes.builder().data("site", "b").build())
            .host("b1", Attributes.builder().data("site", "b").build())
            .host("c0", Attributes.builder().groups("core").build())
            .build().hosts();

    @Test
    void aFullSiteLetsLaterHostsOfOtherSitesGoFirst() {
        HostQueue queue = new HostQueue(new int[] {0, 1, 2, 3, 4, 5},
                ThrottleSlots.of(List.of(new Throttle("site", 2)), HOSTS));
        assertThat(queue.claim()).isEqualTo(0);
        assertThat(queue.claim()).isEqualTo(1);
        assertThat(queue.claim()).as("a2 waits: site a has two running").isEqualTo(3);
        assertThat(queue.claim()).isEqualTo(4);
        assertThat(queue.claim()).as("c0 has no site: no throttle holds it").isEqualTo(5);
        assertThat(queue.claim()).isEqualTo(HostQueue.WAIT);
        assertThat(queue.release(3)).as("b0's place is no use to a2, but the parked loop is woken").isTrue();
        assertThat(queue.claim()).isEqualTo(HostQueue.WAIT);
        queue.release(0);
        assertThat(queue.claim()).isEqualTo(2);
        assertThat(queue.claim()).isEqualTo(HostQueue.NONE_LEFT);
    }

    @Test
    void aGroupThrottleCapsItsMembersTogether() {
        HostQueue queue = new HostQueue(new int[] {0, 5, 1},
                ThrottleSlots.of(List.of(new Throttle("group:core", 1)), HOSTS));
        assertThat(queue.claim()).isEqualTo(0);
        assertThat(queue.claim()).as("c0 is in core too").isEqualTo(1);
        assertThat(queue.claim()).isEqualTo(HostQueue.WAIT);
        queue.release(0);
        assertThat(queue.claim()).isEqualTo(5);
    }

    @Test
    void stoppingHandsBackEveryUnclaimedHostOnce() {
        HostQueue plain = new HostQueue(new int[] {7, 8, 9}, null);
        assertThat(plain.claim()).isEqualTo(7);
        assertThat(plain.stop()).containsExactly(8, 9);
        assertThat(plain.claim()).isEqualTo(HostQueue.NONE_LEFT);
        assertThat(plain.stop()).isEmpty();

        HostQueue throttled = new HostQueue(new int[] {0, 1, 2, 3}, ThrottleSlots.of(List.of(new Throttle("site", 1)),
                HOSTS));
        assertThat(throttled.claim()).isEqualTo(0);
        assertThat(throttled.claim()).isEqualTo(3);
        assertThat(throttled.stop()).containsExactly(1, 2);
        assertThat(throttled.claim()).isEqualTo(HostQueue.NONE_LEFT);
    }
}
