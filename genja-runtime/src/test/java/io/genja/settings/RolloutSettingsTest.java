package io.genja.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.document.Problem;
import io.genja.rollout.HostOrder;
import io.genja.rollout.Rollout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file's {@code rollout} section reads into the same model as RunOptions and the command line. */
class RolloutSettingsTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyReadsIntoTheRolloutModel() throws IOException {
        Settings settings = Settings.load(Files.writeString(dir.resolve("config.yaml"), """
                rollout:
                  batches: [1, "10%", "100%"]
                  max_fail_percentage: 10
                  any_errors_fatal: false
                  ignore_unreachable: true
                  order: shuffle
                  seed: 4242424242
                  throttle:
                    site: 2
                    group:core: 1
                """), Map.of());
        assertThat(settings.rollout()).isEqualTo(Rollout.defaults().batches("1,10%,100%").maxFailPercentage(10)
                .anyErrorsFatal(false).ignoreUnreachable(true).order(HostOrder.SHUFFLE).seed(4_242_424_242L)
                .throttle("site", 2).throttle("group:core", 1));
        assertThat(Settings.defaults().rollout()).isEqualTo(Rollout.defaults());
        Settings commaString = Settings.load(Files.writeString(dir.resolve("comma.yaml"), """
                rollout:
                  batches: 1,10%,100%
                  max_fail_percentage: 12.5%
                """), Map.of());
        assertThat(commaString.rollout().batches()).hasSize(3);
        assertThat(commaString.rollout().maxFailPercentage()).hasValue(12.5);
    }

    @Test
    void wrongValuesAreReportedAtTheirLineWithWhatWouldBeRight() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), """
                rollout:
                  batches: [1, "10 %s", 0]
                  max_fail_percentage: 120
                  order: sortd
                  seed: 1.5
                  throttle:
                    site: 0
                  serial: 3
                """);
        assertThatThrownBy(() -> Settings.load(file, Map.of())).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.problems()).extracting(Problem::line, Problem::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "rollout: batch size \"10 %s\" is neither a number of "
                                + "hosts (5) nor a whole percentage (10%)"),
                        org.assertj.core.groups.Tuple.tuple(3, "rollout: max fail percentage \"120\" must be a number "
                                + "between 0 and 100 (10 or 10%)"),
                        org.assertj.core.groups.Tuple.tuple(4, "rollout: unknown host order \"sortd\"; known: "
                                + "inventory, reverse_inventory, sorted, reverse_sorted, shuffle; did you mean "
                                + "\"sorted\"?"),
                        org.assertj.core.groups.Tuple.tuple(5, "rollout.seed must be a whole number, not the number "
                                + "1.5"),
                        org.assertj.core.groups.Tuple.tuple(7, "rollout.throttle.site must be between 1 and 10000, "
                                + "not 0"),
                        org.assertj.core.groups.Tuple.tuple(8, "unknown key \"rollout.serial\" (known in rollout: "
                                + "batches, max_fail_percentage, any_errors_fatal, ignore_unreachable, order, seed, "
                                + "throttle)")));
    }
}
