package io.genja.rollout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How a run rolls out over its hosts: in which order, in which batches, when it stops, and how many hosts that
 * share a site or group may run at once. Ansible's {@code order}, {@code serial}, {@code max_fail_percentage},
 * {@code any_errors_fatal} and {@code throttle}; see {@code docs/runners.md}. The same model backs the settings
 * file's {@code rollout} section, {@code RunOptions.rollout(...)} and the {@code genja run} options.
 *
 * <p>Immutable; each setter returns a copy. A knob that is not set falls back ({@link #orElse}) to the settings,
 * then to the default: one batch of every host, no thresholds, inventory order, no throttles, unreachable hosts
 * counted as failed.
 *
 * <pre>{@code
 * Rollout canary = Rollout.defaults().batches("1", "10%", "100%").maxFailPercentage(10);
 * }</pre>
 */
public final class Rollout {

    private static final Rollout DEFAULTS = new Rollout(null, null, null, null, null, null, Map.of());

    private final List<BatchSize> batches;
    private final Double maxFailPercentage;
    private final Boolean anyErrorsFatal;
    private final Boolean ignoreUnreachable;
    private final HostOrder order;
    private final Long seed;
    /** By key: a later throttle on the same key replaces the earlier one. */
    private final Map<String, Throttle> throttles;

    private Rollout(List<BatchSize> batches, Double maxFailPercentage, Boolean anyErrorsFatal,
                    Boolean ignoreUnreachable, HostOrder order, Long seed, Map<String, Throttle> throttles) {
        this.batches = batches;
        this.maxFailPercentage = maxFailPercentage;
        this.anyErrorsFatal = anyErrorsFatal;
        this.ignoreUnreachable = ignoreUnreachable;
        this.order = order;
        this.seed = seed;
        this.throttles = throttles;
    }

    /** Nothing set: one batch, no thresholds, inventory order, no throttles. */
    public static Rollout defaults() {
        return DEFAULTS;
    }

    /**
     * The batch sizes, Ansible's {@code serial}: the run takes that many hosts (or that percentage of the
     * selected hosts) for each batch, the last size repeating until every host has a batch.
     */
    public Rollout batches(List<BatchSize> sizes) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("no batch sizes given; write them like 1,10%,100%");
        }
        return new Rollout(List.copyOf(sizes), maxFailPercentage, anyErrorsFatal, ignoreUnreachable, order, seed,
                throttles);
    }

    /** The batch sizes as written: {@code batches("1", "10%", "100%")} or {@code batches("1,10%,100%")}. */
    public Rollout batches(String... sizes) {
        return batches(BatchSize.parseList(List.of(sizes)));
    }

    /**
     * Stop the rollout after a batch in which more than {@code percent} % of the batch's hosts failed (Ansible's
     * {@code max_fail_percentage}: strictly more; 0 stops at the first failure's batch).
     */
    public Rollout maxFailPercentage(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("max fail percentage must be between 0 and 100, not " + percent);
        }
        return new Rollout(batches, percent, anyErrorsFatal, ignoreUnreachable, order, seed, throttles);
    }

    /** Stop the rollout at the first failed host: hosts not started yet, in its batch too, are skipped. */
    public Rollout anyErrorsFatal(boolean fatal) {
        return new Rollout(batches, maxFailPercentage, fatal, ignoreUnreachable, order, seed, throttles);
    }

    /** Do not count unreachable hosts (connection, authentication, timeout before the task) as failed. */
    public Rollout ignoreUnreachable(boolean ignore) {
        return new Rollout(batches, maxFailPercentage, anyErrorsFatal, ignore, order, seed, throttles);
    }

    /** The order in which hosts start and are cut into batches. */
    public Rollout order(HostOrder order) {
        return new Rollout(batches, maxFailPercentage, anyErrorsFatal, ignoreUnreachable,
                Objects.requireNonNull(order, "order"), seed, throttles);
    }

    /** The seed of {@link HostOrder#SHUFFLE}: the same seed shuffles the same hosts the same way again. */
    public Rollout seed(long seed) {
        return new Rollout(batches, maxFailPercentage, anyErrorsFatal, ignoreUnreachable, order, seed, throttles);
    }

    /** Adds a throttle; one on the same key replaces it. */
    public Rollout throttle(Throttle throttle) {
        Map<String, Throttle> more = new LinkedHashMap<>(throttles);
        more.remove(throttle.key()); // a replaced key moves to the end, where it was given
        more.put(throttle.key(), throttle);
        return new Rollout(batches, maxFailPercentage, anyErrorsFatal, ignoreUnreachable, order, seed,
                Collections.unmodifiableMap(more));
    }

    /** Adds a throttle: at most {@code limit} hosts sharing {@code key} ({@code site}, {@code group:core}) at once. */
    public Rollout throttle(String key, int limit) {
        return throttle(new Throttle(key, limit));
    }

    /**
     * This rollout, each knob that is not set here taken from {@code fallback}; throttles are combined by key, this
     * rollout's winning.
     */
    public Rollout orElse(Rollout fallback) {
        Map<String, Throttle> combined = new LinkedHashMap<>(fallback.throttles);
        throttles.forEach((key, throttle) -> {
            combined.remove(key);
            combined.put(key, throttle);
        });
        return new Rollout(batches != null ? batches : fallback.batches,
                maxFailPercentage != null ? maxFailPercentage : fallback.maxFailPercentage,
                anyErrorsFatal != null ? anyErrorsFatal : fallback.anyErrorsFatal,
                ignoreUnreachable != null ? ignoreUnreachable : fallback.ignoreUnreachable,
                order != null ? order : fallback.order,
                seed != null ? seed : fallback.seed,
                Collections.unmodifiableMap(combined));
    }

    /** The batch sizes; empty for one batch of every host. */
    public List<BatchSize> batches() {
        return batches == null ? List.of() : batches;
    }

    public OptionalDouble maxFailPercentage() {
        return maxFailPercentage == null ? OptionalDouble.empty() : OptionalDouble.of(maxFailPercentage);
    }

    public boolean anyErrorsFatal() {
        return anyErrorsFatal != null && anyErrorsFatal;
    }

    /** Whether unreachable hosts are left out of the failure count (default: they count). */
    public boolean ignoreUnreachable() {
        return ignoreUnreachable != null && ignoreUnreachable;
    }

    /** The host order; {@link HostOrder#INVENTORY} unless set. */
    public HostOrder order() {
        return order == null ? HostOrder.INVENTORY : order;
    }

    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /** The throttles, in the order they were given. */
    public List<Throttle> throttles() {
        return List.copyOf(throttles.values());
    }

    /** Whether anything makes this run differ from one batch of every host in inventory order. */
    public boolean isPlain() {
        return batches().isEmpty() && maxFailPercentage == null && !anyErrorsFatal() && order() == HostOrder.INVENTORY
                && throttles.isEmpty();
    }

    /**
     * A percentage as settings and the command line write it: {@code 10}, {@code 12.5} or {@code 10%}.
     *
     * @throws IllegalArgumentException when it is not a number between 0 and 100
     */
    public static double parsePercentage(String text) {
        String number = text.strip();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        try {
            double value = Double.parseDouble(number);
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("max fail percentage \"" + text + "\" must be a number between 0 and 100"
                + " (10 or 10%)");
    }

    /** {@code 10} for 10.0, {@code 12.5} for 12.5. */
    public static String formatPercentage(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rollout that && Objects.equals(batches, that.batches)
                && Objects.equals(maxFailPercentage, that.maxFailPercentage)
                && Objects.equals(anyErrorsFatal, that.anyErrorsFatal)
                && Objects.equals(ignoreUnreachable, that.ignoreUnreachable) && order == that.order
                && Objects.equals(seed, that.seed) && throttles().equals(that.throttles());
    }

    @Override
    public int hashCode() {
        return Objects.hash(batches, maxFailPercentage, anyErrorsFatal, ignoreUnreachable, order, seed, throttles());
    }

    /** {@code batches 1,10%,100%, max_fail_percentage 10%, order shuffle (seed 42), throttle site=2}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!batches().isEmpty()) {
            parts.add("batches " + String.join(",", batches().stream().map(BatchSize::toString).toList()));
        }
        maxFailPercentage().ifPresent(p -> parts.add("max_fail_percentage " + formatPercentage(p) + "%"));
        if (anyErrorsFatal()) {
            parts.add("any_errors_fatal");
        }
        if (ignoreUnreachable()) {
            parts.add("ignore_unreachable");
        }
        if (order() != HostOrder.INVENTORY || seed != null) {
            parts.add("order " + order().settingName() + (seed == null ? "" : " (seed " + seed + ")"));
        }
        if (!throttles.isEmpty()) {
            parts.add("throttle " + String.join(" ", throttles().stream().map(Throttle::toString).toList()));
        }
        return parts.isEmpty() ? "one batch, inventory order" : String.join(", ", parts);
    }
}
