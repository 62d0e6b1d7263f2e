package io.genja.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --shard I/N}: which hosts a shard takes. */
class ShardTest {

    private static final List<String> NAMES = IntStream.rangeClosed(1, 100_000)
            .mapToObj(i -> String.format("site%03d-rtr%05d", i % 377, i)).toList();

    /**
     * Every name in exactly one shard, and no shard more than 5 % away from an even share, for N up to 1,000 (a hash
     * of each name into N buckets would leave the fullest about 30 % above even at N = 1,000).
     */
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {8, 64, 1000})
    void oneHundredThousandNamesSplitEvenly(int count) {
        Set<String> seen = new HashSet<>();
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        List<Set<String>> shards = Shard.split(NAMES, count);
        assertThat(shards).hasSize(count);
        assertThat(new Shard(count / 2, count).select(NAMES)).isEqualTo(shards.get(count / 2 - 1));
        for (Set<String> shard : shards) {
            for (String name : shard) {
                if (!seen.add(name)) {
                    fail(name + " is in two shards");
                }
            }
            smallest = Math.min(smallest, shard.size());
            largest = Math.max(largest, shard.size());
        }
        double even = (double) NAMES.size() / count;
        double worst = Math.max(largest - even, even - smallest) / even;
        System.out.printf("shards of %d names, N = %d: %d to %d hosts (even %.1f), worst %.2f %% off even;"
                + " hashing each name into a bucket instead: worst %.1f %% off%n", NAMES.size(), count, smallest,
                largest, even, worst * 100, hashedIntoBuckets(count) * 100);

        assertThat(seen).hasSize(NAMES.size());
        assertThat(worst).as("worst shard's distance from even").isLessThanOrEqualTo(0.05);
    }

    /** For comparison: the worst bucket's distance from even when each name is hashed into one of N buckets. */
    private static double hashedIntoBuckets(int count) {
        int[] buckets = new int[count];
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String name : NAMES) {
                long hash = ByteBuffer.wrap(sha256.digest(name.getBytes(StandardCharsets.UTF_8))).getLong();
                buckets[(int) Math.floorMod(hash, (long) count)]++;
            }
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        double even = (double) NAMES.size() / count;
        return IntStream.of(buckets).mapToDouble(size -> Math.abs(size - even) / even).max().orElseThrow();
    }

    @Test
    void theAssignmentDependsOnTheNamesNotOnTheirOrder() {
        List<String> shuffled = new ArrayList<>(NAMES.subList(0, 5_000));
        Collections.shuffle(shuffled, new Random(7));

        Set<String> fromInventoryOrder = new Shard(3, 8).select(NAMES.subList(0, 5_000));
        Set<String> fromShuffled = new Shard(3, 8).select(shuffled);

        assertThat(fromShuffled).isEqualTo(fromInventoryOrder);
        assertThat(fromShuffled).as("kept in the order given").containsExactlyElementsOf(
                shuffled.stream().filter(fromInventoryOrder::contains).toList());
        assertThat(Shard.fingerprint(shuffled)).isEqualTo(Shard.fingerprint(NAMES.subList(0, 5_000)))
                .isNotEqualTo(Shard.fingerprint(NAMES.subList(0, 4_999)));
    }

    @Test
    void theSameNamesGiveTheSameShardsInEveryJvm() {
        // Pinned: a change here would split one job differently on machines running different versions.
        assertThat(new Shard(1, 2).select(List.of("r1", "r2", "r3", "r4", "s1", "s2")))
                .containsExactly("r1", "r3", "s2");
    }

    @Test
    void moreShardsThanHostsLeavesSomeEmpty() {
        List<Integer> sizes = IntStream.rangeClosed(1, 5).map(i -> new Shard(i, 5).select(List.of("a", "b", "c"))
                .size()).boxed().toList();

        assertThat(sizes).containsExactly(1, 1, 1, 0, 0);
    }

    @Test
    void parsesIOfN() {
        assertThat(Shard.parse("3/8")).isEqualTo(new Shard(3, 8));
        assertThatThrownBy(() -> Shard.parse("3of8")).hasMessage("--shard 3of8: expected I/N, the shard's number and"
                + " the number of shards, e.g. --shard 3/8");
        assertThatThrownBy(() -> Shard.parse("0/8"))
                .hasMessage("--shard 0/8: shards are numbered from 1 to 8 (1/8 to 8/8)");
        assertThatThrownBy(() -> Shard.parse("9/8"))
                .hasMessage("--shard 9/8: shards are numbered from 1 to 8 (1/8 to 8/8)");
        assertThatThrownBy(() -> Shard.parse("1/0")).hasMessage("--shard 1/0: the number of shards must be at least 1");
    }

    @Test
    void aKubernetesIndexedJobGivesTheIndexFromZero() {
        assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "0", "GENJA_SHARD_COUNT", "8")))
                .isEqualTo(new Shard(1, 8));
        assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "7", "GENJA_SHARD_COUNT", "8")))
                .isEqualTo(new Shard(8, 8));
        assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "7"))).as("not sharded").isNull();
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "8", "GENJA_SHARD_COUNT", "8")))
                .hasMessage("JOB_COMPLETION_INDEX=8 is not below GENJA_SHARD_COUNT=8: give the Job as many"
                        + " completions as GENJA_SHARD_COUNT says");
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("GENJA_SHARD_COUNT", "8")))
                .hasMessageStartingWith("GENJA_SHARD_COUNT=8 is set but JOB_COMPLETION_INDEX is not");
    }
}
