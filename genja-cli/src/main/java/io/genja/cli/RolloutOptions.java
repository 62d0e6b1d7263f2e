package io.genja.cli;

import io.genja.rollout.BatchSize;
import io.genja.rollout.HostOrder;
import io.genja.rollout.Rollout;
import io.genja.rollout.Throttle;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code genja run}'s rollout options, Ansible's play keywords: {@code --batches} ({@code serial}),
 * {@code --max-fail-percentage}, {@code --any-errors-fatal}, {@code --ignore-unreachable}, {@code --order},
 * {@code --seed} and {@code --throttle}. They read into the same {@link Rollout} as the settings' {@code rollout}
 * section, with the same checks; what they leave unset comes from there.
 */
final class RolloutOptions {

    @Option(names = "--batches", paramLabel = "SIZES", split = ",", converter = BatchSizeConverter.class,
            description = "Run in batches, each finishing before the next: 1,10%,100% (a number of hosts or a "
                    + "percentage of the selected hosts; the last size repeats). Ansible's serial.")
    List<BatchSize> batches;

    @Option(names = "--max-fail-percentage", paramLabel = "P", converter = PercentageConverter.class,
            description = "Stop the rollout after a batch in which more than P % of the hosts failed; 0 stops "
                    + "after the first batch with a failure.")
    Double maxFailPercentage;

    @Option(names = "--any-errors-fatal", description = "Stop the rollout at the first failed host.")
    boolean anyErrorsFatal;

    @Option(names = "--ignore-unreachable",
            description = "Do not count unreachable hosts as failed for --max-fail-percentage and --any-errors-fatal.")
    boolean ignoreUnreachable;

    @Option(names = "--order", paramLabel = "ORDER", converter = OrderConverter.class,
            description = "The order hosts start in: inventory (default), reverse_inventory, sorted, reverse_sorted, "
                    + "shuffle.")
    HostOrder order;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of --order shuffle (printed when drawn).")
    Long seed;

    @Option(names = "--throttle", paramLabel = "KEY=N", converter = ThrottleConverter.class,
            description = "At most N hosts with the same value of data KEY (site=2), or of group:NAME, at once; "
                    + "repeatable.")
    List<Throttle> throttles = new ArrayList<>();

    /** The rollout these options ask for; unset knobs fall back to the settings. */
    Rollout rollout() {
        Rollout rollout = Rollout.defaults();
        if (batches != null) {
            rollout = rollout.batches(batches);
        }
        if (maxFailPercentage != null) {
            rollout = rollout.maxFailPercentage(maxFailPercentage);
        }
        if (anyErrorsFatal) {
            rollout = rollout.anyErrorsFatal(true);
        }
        if (ignoreUnreachable) {
            rollout = rollout.ignoreUnreachable(true);
        }
        if (order != null) {
            rollout = rollout.order(order);
        }
        if (seed != null) {
            rollout = rollout.seed(seed);
        }
        for (Throttle throttle : throttles) {
            rollout = rollout.throttle(throttle);
        }
        return rollout;
    }

    /** The model's own parsers: their messages say what would be right. */
    static final class BatchSizeConverter implements ITypeConverter<BatchSize> {
        @Override
        public BatchSize convert(String value) {
            try {
                return BatchSize.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PercentageConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return Rollout.parsePercentage(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class OrderConverter implements ITypeConverter<HostOrder> {
        @Override
        public HostOrder convert(String value) {
            try {
                return HostOrder.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ThrottleConverter implements ITypeConverter<Throttle> {
        @Override
        public Throttle convert(String value) {
            try {
                return Throttle.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
