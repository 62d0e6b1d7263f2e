package io.genja.rollout;

import io.genja.document.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The order in which a run starts its hosts (and cuts them into batches); Ansible's {@code order}. */
public enum HostOrder {

    /** As the inventory lists them (the default). */
    INVENTORY,
    /** The inventory's order, last host first. */
    REVERSE_INVENTORY,
    /** By host name. */
    SORTED,
    /** By host name, descending. */
    REVERSE_SORTED,
    /** Shuffled with a seed: the same seed gives the same order again. */
    SHUFFLE;

    /** The name in settings files and on the command line: {@code reverse_sorted}. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every {@link #settingName()}. */
    public static List<String> settingNames() {
        return Arrays.stream(values()).map(HostOrder::settingName).toList();
    }

    /**
     * The order called {@code name} ({@code sorted}, any case).
     *
     * @throws IllegalArgumentException naming the known orders, with a suggestion
     */
    public static HostOrder parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (HostOrder order : values()) {
            if (order.settingName().equals(wanted)) {
                return order;
            }
        }
        throw new IllegalArgumentException("unknown host order \"" + name + "\"; known: "
                + String.join(", ", settingNames()) + Suggestions.didYouMean(name, settingNames()));
    }
}
