package io.genja.internal.engine;

import io.genja.GenjaException;
import io.genja.document.Suggestions;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.rollout.Throttle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The rollout's throttles as slots: one slot per throttle and shared value ({@code site=2}: one slot per site, each
 * with room for two hosts; {@code group:core=1}: one slot with room for one). A host takes a place in each of its
 * slots while it runs. Not thread-safe: {@link HostQueue} guards it.
 */
public final class ThrottleSlots {

    /** The slots each host needs, by the host's index in the run; empty when no throttle applies to it. */
    private final int[][] slotsOf;
    private final int[] limits;
    private final int[] inUse;

    private ThrottleSlots(int[][] slotsOf, int[] limits) {
        this.slotsOf = slotsOf;
        this.limits = limits;
        this.inUse = new int[limits.length];
    }

    /** The slots of {@code throttles} for {@code hosts}, or {@code null} when there are no throttles. */
    static ThrottleSlots of(List<Throttle> throttles, List<Host> hosts) {
        if (throttles.isEmpty()) {
            return null;
        }
        Map<String, Integer> slotIds = new HashMap<>();
        List<Integer> limits = new ArrayList<>();
        int[][] slotsOf = new int[hosts.size()][];
        for (int index = 0; index < hosts.size(); index++) {
            Host host = hosts.get(index);
            List<Integer> slots = new ArrayList<>(throttles.size());
            for (Throttle throttle : throttles) {
                Optional<String> shared = sharedValue(throttle, host);
                if (shared.isPresent()) {
                    slots.add(slotIds.computeIfAbsent(throttle.key() + "\u0000" + shared.get(), id -> {
                        limits.add(throttle.limit());
                        return limits.size() - 1;
                    }));
                }
            }
            slotsOf[index] = slots.stream().mapToInt(Integer::intValue).toArray();
        }
        return new ThrottleSlots(slotsOf, limits.stream().mapToInt(Integer::intValue).toArray());
    }

    /** What {@code host} shares with the other hosts {@code throttle} caps together: the data value, or the group. */
    private static Optional<String> sharedValue(Throttle throttle, Host host) {
        Optional<String> group = throttle.group();
        if (group.isPresent()) {
            return host.inGroup(group.get()) ? group : Optional.empty();
        }
        return host.data(throttle.key()).map(String::valueOf);
    }

    /**
     * Every throttle names a group of {@code inventory} or a data key some host has: a typo must not silently
     * throttle nothing.
     *
     * @throws GenjaException naming each wrong throttle, what is known, and a suggestion
     */
    public static void check(List<Throttle> throttles, Inventory inventory) {
        List<String> problems = new ArrayList<>();
        for (Throttle throttle : throttles) {
            Optional<String> group = throttle.group();
            if (group.isPresent()) {
                if (!inventory.groups().containsKey(group.get())) {
                    problems.add("throttle " + throttle + " names group \"" + group.get() + "\", which the inventory "
                            + "does not have" + Suggestions.didYouMean(group.get(), inventory.groups().keySet())
                            + " (groups: " + known(inventory.groups().keySet()) + ")");
                }
            } else if (inventory.hosts().stream().noneMatch(host -> host.data(throttle.key()).isPresent())) {
                TreeSet<String> keys = new TreeSet<>();
                inventory.hosts().forEach(host -> keys.addAll(host.data().keySet()));
                String suggestion = Suggestions.didYouMean(throttle.key(), keys);
                problems.add("throttle " + throttle + ": no host has data \"" + throttle.key() + "\"" + suggestion
                        + " (data keys: " + known(keys) + "; a group is written group:NAME)");
            }
        }
        if (!problems.isEmpty()) {
            throw new GenjaException(String.join("; ", problems));
        }
    }

    private static String known(java.util.Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names));
    }

    /** Whether a throttle applies to {@code host} (its connections close when it finishes). */
    boolean applies(int host) {
        return slotsOf[host].length > 0;
    }

    /** Whether every slot {@code host} needs has room. */
    boolean fits(int host) {
        for (int slot : slotsOf[host]) {
            if (inUse[slot] >= limits[slot]) {
                return false;
            }
        }
        return true;
    }

    void take(int host) {
        for (int slot : slotsOf[host]) {
            inUse[slot]++;
        }
    }

    void give(int host) {
        for (int slot : slotsOf[host]) {
            inUse[slot]--;
        }
    }
}
