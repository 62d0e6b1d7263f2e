package io.genja.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Finds the cycles among groups' parent references, each once, as {@code [a, b, a]} (printed {@code a -> b -> a}). */
public final class GroupCycles {

    private GroupCycles() {
    }

    /**
     * Every distinct cycle, each starting at its first group in {@code groups} order.
     *
     * @param parents the parents a group lists; unknown groups are ignored (reported elsewhere)
     */
    public static List<List<String>> find(Collection<String> groups, Function<String, List<String>> parents) {
        Map<String, Integer> order = new HashMap<>();
        groups.forEach(group -> order.putIfAbsent(group, order.size()));
        Map<String, Boolean> done = new HashMap<>();
        Set<List<String>> cycles = new LinkedHashSet<>();
        for (String group : groups) {
            visit(group, new ArrayList<>(), parents, order, done, cycles);
        }
        return List.copyOf(cycles);
    }

    private static void visit(String group, List<String> path, Function<String, List<String>> parents,
                              Map<String, Integer> order, Map<String, Boolean> done, Set<List<String>> cycles) {
        if (!order.containsKey(group) || Boolean.TRUE.equals(done.get(group))) {
            return;
        }
        int index = path.indexOf(group);
        if (index >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(index, path.size()));
            // Rotate so that the same cycle found from another group prints the same.
            int start = 0;
            for (int i = 1; i < cycle.size(); i++) {
                if (order.get(cycle.get(i)) < order.get(cycle.get(start))) {
                    start = i;
                }
            }
            List<String> rotated = new ArrayList<>(cycle.subList(start, cycle.size()));
            rotated.addAll(cycle.subList(0, start));
            rotated.add(rotated.get(0));
            cycles.add(List.copyOf(rotated));
            return;
        }
        path.add(group);
        for (String parent : parents.apply(group)) {
            visit(parent, path, parents, order, done, cycles);
        }
        path.remove(path.size() - 1);
        done.put(group, true);
    }
}
