package io.genja.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * The size of one batch of a rollout: a number of hosts ({@code 5}) or a percentage of the run's selected hosts
 * ({@code 10%}), as one entry of Ansible's {@code serial} list.
 *
 * @param value hosts (at least 1), or a percentage (1 to 100)
 * @param percent whether {@code value} is a percentage
 */
public record BatchSize(int value, boolean percent) {

    public BatchSize {
        if (percent && (value < 1 || value > 100)) {
            throw new IllegalArgumentException("a batch percentage must be between 1% and 100%, not " + value + "%");
        }
        if (!percent && value < 1) {
            throw new IllegalArgumentException("a batch must have at least 1 host, not " + value
                    + " (100% is every host)");
        }
    }

    /** A batch of {@code hosts} hosts. */
    public static BatchSize hosts(int hosts) {
        return new BatchSize(hosts, false);
    }

    /** A batch of {@code percent} % of the selected hosts. */
    public static BatchSize percent(int percent) {
        return new BatchSize(percent, true);
    }

    /**
     * One entry: {@code 5} or {@code 10%}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text} and what would be right
     */
    public static BatchSize parse(String text) {
        String entry = text.strip();
        boolean percent = entry.endsWith("%");
        String number = percent ? entry.substring(0, entry.length() - 1).strip() : entry;
        try {
            return new BatchSize(Integer.parseInt(number), percent);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("batch size \"" + text + "\" is neither a number of hosts (5) nor a "
                    + "whole percentage (10%)");
        }
    }

    /**
     * A list of entries separated by commas, {@code 1,10%,100%}; each element of {@code texts} may hold several.
     *
     * @throws IllegalArgumentException when an entry is wrong or there is none
     */
    public static List<BatchSize> parseList(List<String> texts) {
        List<BatchSize> sizes = new ArrayList<>();
        for (String text : texts) {
            for (String entry : text.split(",", -1)) {
                if (entry.isBlank()) {
                    throw new IllegalArgumentException("batch sizes \"" + String.join(",", texts)
                            + "\" have an empty entry; write them like 1,10%,100%");
                }
                sizes.add(parse(entry));
            }
        }
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("no batch sizes given; write them like 1,10%,100%");
        }
        return List.copyOf(sizes);
    }

    /**
     * How many hosts this entry takes out of a run of {@code selectedHosts}, as Ansible computes it: a percentage
     * is {@code (percent / 100.0) * selectedHosts} rounded down in floating point, but at least 1.
     */
    public int hostsOf(int selectedHosts) {
        if (!percent) {
            return value;
        }
        return Math.max(1, (int) ((value / 100.0) * selectedHosts));
    }

    /** {@code 5} or {@code 10%}, as written. */
    @Override
    public String toString() {
        return percent ? value + "%" : Integer.toString(value);
    }
}
