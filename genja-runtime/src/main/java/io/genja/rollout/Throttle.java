package io.genja.rollout;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cap on how many hosts that share something run at once, on top of the worker count: {@code site=2} lets at
 * most two hosts with the same value of {@code data.site} run at the same time; {@code group:core=1} lets at most
 * one host of group {@code core} (members of its child groups included) run at a time. Hosts without the data key,
 * or outside the group, are not held back by it.
 *
 * @param key a data path ({@code site}, {@code location.building}) or {@code group:NAME}
 * @param limit how many such hosts may run at once, at least 1
 */
public record Throttle(String key, int limit) {

    /** The prefix of a key that names a group. */
    public static final String GROUP_PREFIX = "group:";

    private static final Pattern TEXT = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*(\\S+)\\s*");

    public Throttle {
        if (key == null || key.isBlank() || key.equals(GROUP_PREFIX)) {
            throw new IllegalArgumentException("a throttle needs a data key (site) or a group (group:core), not \""
                    + key + "\"");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("throttle " + key + " must let at least 1 host run, not " + limit);
        }
    }

    /**
     * {@code KEY=N}: {@code site=2}, {@code group:core=1}.
     *
     * @throws IllegalArgumentException saying what is wrong and what would be right
     */
    public static Throttle parse(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("throttle \"" + text + "\" must be KEY=N: a data key or group:NAME, "
                    + "then how many such hosts may run at once (site=2, group:core=1)");
        }
        try {
            return new Throttle(matcher.group(1), Integer.parseInt(matcher.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("throttle \"" + text + "\": \"" + matcher.group(2)
                    + "\" is not a number of hosts (site=2)");
        }
    }

    /** The group this throttle caps, when its key is {@code group:NAME}. */
    public Optional<String> group() {
        return key.startsWith(GROUP_PREFIX) ? Optional.of(key.substring(GROUP_PREFIX.length())) : Optional.empty();
    }

    /** {@code site=2}. */
    @Override
    public String toString() {
        return key + "=" + limit;
    }
}
