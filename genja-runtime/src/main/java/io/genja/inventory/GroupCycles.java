package io.genja.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
        Set<String> done = new HashSet<>();
        Set<List<String>> cycles = new LinkedHashSet<>();
        for (String group : groups) {
            visit(group, parents, order, done, cycles);
        }
        return List.copyOf(cycles);
    }

    /**
     * A depth-first walk from {@code start} with an explicit stack: parent chains thousands of groups deep must
     * not overflow the thread's stack.
     */
    private static void visit(String start, Function<String, List<String>> parents, Map<String, Integer> order,
                              Set<String> done, Set<List<String>> cycles) {
        if (!order.containsKey(start) || done.contains(start)) {
            return;
        }
        List<String> path = new ArrayList<>();
        Map<String, Integer> onPath = new HashMap<>();
        Deque<Iterator<String>> pending = new ArrayDeque<>();
        path.add(start);
        onPath.put(start, 0);
        pending.push(parents.apply(start).iterator());
        while (!pending.isEmpty()) {
            Iterator<String> next = pending.peek();
            if (!next.hasNext()) {
                pending.pop();
                String finished = path.remove(path.size() - 1);
                onPath.remove(finished);
                done.add(finished);
                continue;
            }
            String parent = next.next();
            if (!order.containsKey(parent) || done.contains(parent)) {
                continue;
            }
            Integer index = onPath.get(parent);
            if (index != null) {
                cycles.add(rotated(path.subList(index, path.size()), order));
                continue;
            }
            onPath.put(parent, path.size());
            path.add(parent);
            pending.push(parents.apply(parent).iterator());
        }
    }

    /** The cycle starting at its first group in declaration order, so that it prints the same from anywhere. */
    private static List<String> rotated(List<String> cycle, Map<String, Integer> order) {
        int start = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (order.get(cycle.get(i)) < order.get(cycle.get(start))) {
                start = i;
            }
        }
        List<String> rotated = new ArrayList<>(cycle.subList(start, cycle.size()));
        rotated.addAll(cycle.subList(0, start));
        rotated.add(rotated.get(0));
        return List.copyOf(rotated);
    }
}
