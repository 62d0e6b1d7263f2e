package io.genja.internal.engine;

import io.genja.inventory.Host;
import io.genja.rollout.BatchSize;
import io.genja.rollout.Rollout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The rollout's plan, made before any host starts: the hosts in the order they start ({@code order}), cut into
 * batches ({@code serial}) exactly as Ansible cuts them: each size is taken of the selected hosts (a percentage
 * rounded down, at least 1), the last size repeating until every host has a batch.
 */
final class BatchPlan {

    /** Indices into the run's hosts (inventory order), in the order the hosts start. */
    private final int[] runOrder;
    /** Where each batch ends in {@link #runOrder} (exclusive). */
    private final int[] ends;

    private BatchPlan(int[] runOrder, int[] ends) {
        this.runOrder = runOrder;
        this.ends = ends;
    }

    /** @param rollout with a seed when its order is {@code shuffle} */
    static BatchPlan of(List<Host> hosts, Rollout rollout) {
        int[] order = order(hosts, rollout);
        List<BatchSize> sizes = rollout.batches();
        List<Integer> ends = new ArrayList<>();
        int taken = 0;
        int entry = 0;
        while (taken < order.length) {
            int size = sizes.isEmpty() ? order.length : sizes.get(entry).hostsOf(order.length);
            taken = Math.min(order.length, taken + size);
            ends.add(taken);
            entry = Math.min(entry + 1, sizes.size() - 1);
        }
        return new BatchPlan(order, ends.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int[] order(List<Host> hosts, Rollout rollout) {
        int count = hosts.size();
        Comparator<Integer> byName = Comparator.comparing(index -> hosts.get(index).name());
        return switch (rollout.order()) {
            case INVENTORY -> IntStream.range(0, count).toArray();
            case REVERSE_INVENTORY -> IntStream.range(0, count).map(i -> count - 1 - i).toArray();
            case SORTED -> IntStream.range(0, count).boxed().sorted(byName).mapToInt(Integer::intValue).toArray();
            case REVERSE_SORTED -> IntStream.range(0, count).boxed().sorted(byName.reversed())
                    .mapToInt(Integer::intValue).toArray();
            case SHUFFLE -> {
                List<Integer> shuffled = new ArrayList<>(IntStream.range(0, count).boxed().toList());
                // java.util.Random and Collections.shuffle are specified exactly: a seed replays the order anywhere
                Collections.shuffle(shuffled, new Random(rollout.seed().orElseThrow()));
                yield shuffled.stream().mapToInt(Integer::intValue).toArray();
            }
        };
    }

    int batchCount() {
        return ends.length;
    }

    /** The hosts of batch {@code batch} (0-based), in the order they start. */
    int[] hostsOf(int batch) {
        return Arrays.copyOfRange(runOrder, batch == 0 ? 0 : ends[batch - 1], ends[batch]);
    }

    /** Whether hosts start in inventory order. */
    boolean inInventoryOrder() {
        for (int i = 0; i < runOrder.length; i++) {
            if (runOrder[i] != i) {
                return false;
            }
        }
        return true;
    }
}
