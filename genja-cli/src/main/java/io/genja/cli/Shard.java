package io.genja.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} ({@code --shard 3/8}), numbered from 1 as Jest and Playwright number theirs.
 *
 * <p>The selected hosts are ordered by a hash of their names (SHA-256, the same on every machine and JVM), then
 * dealt round-robin: shard 1 takes the 1st, (N+1)th, ... host of that order. Every shard gets the same number of
 * hosts, give or take one, for any N, which hashing each name into a bucket cannot promise (100,000 names into
 * 1,000 buckets leave the fullest about 30 % above even). The price: the assignment depends on the whole
 * selection, so every shard must see the same inventory and filter (merge checks it), and adding a host moves
 * others between shards, which does not matter for runs that each cover the whole selection. Hashing rather than
 * sorting by name spreads hosts of one site or naming scheme over all shards.
 */
record Shard(int index, int count) {

    /** The variable that gives N when the index comes from a Kubernetes Indexed Job. */
    static final String COUNT_VARIABLE = "GENJA_SHARD_COUNT";
    /** Set by Kubernetes in each pod of an Indexed Job: 0 to completions - 1. */
    static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    Shard {
        if (count < 1) {
            throw new CliException("--shard " + index + "/" + count + ": the number of shards must be at least 1");
        }
        if (index < 1 || index > count) {
            throw new CliException("--shard " + index + "/" + count + ": shards are numbered from 1 to " + count
                    + " (1/" + count + " to " + count + "/" + count + ")");
        }
    }

    /** {@code 3/8}, as {@code --shard} takes it. */
    static Shard parse(String text) {
        Matcher matcher = SYNTAX.matcher(text.strip());
        if (!matcher.matches()) {
            throw new CliException("--shard " + text + ": expected I/N, the shard's number and the number of shards,"
                    + " e.g. --shard 3/8");
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /**
     * The shard a Kubernetes Indexed Job's pod runs: {@code JOB_COMPLETION_INDEX} (from 0) + 1 of
     * {@code GENJA_SHARD_COUNT}; null when {@code GENJA_SHARD_COUNT} is not set (the run is not sharded).
     */
    static Shard fromEnvironment(Map<String, String> env) {
        String count = env.get(COUNT_VARIABLE);
        if (count == null || count.isBlank()) {
            return null;
        }
        String index = env.get(INDEX_VARIABLE);
        if (index == null || index.isBlank()) {
            throw new CliException(COUNT_VARIABLE + "=" + count + " is set but " + INDEX_VARIABLE + " is not: run"
                    + " in a Kubernetes Indexed Job, set " + INDEX_VARIABLE + " (0 to " + count + " - 1), or give"
                    + " --shard I/N");
        }
        if (!index.strip().matches("\\d{1,9}") || !count.strip().matches("\\d{1,9}")) {
            throw new CliException(INDEX_VARIABLE + "=" + index + " and " + COUNT_VARIABLE + "=" + count
                    + " must be whole numbers, the index from 0, e.g. " + INDEX_VARIABLE + "=2 " + COUNT_VARIABLE
                    + "=8");
        }
        int zeroBased = Integer.parseInt(index.strip());
        int shards = Integer.parseInt(count.strip());
        if (zeroBased >= shards) {
            throw new CliException(INDEX_VARIABLE + "=" + zeroBased + " is not below " + COUNT_VARIABLE + "="
                    + shards + ": give the Job as many completions as " + COUNT_VARIABLE + " says");
        }
        return new Shard(zeroBased + 1, shards);
    }

    /** The names of {@code selection} that fall to this shard, in the order of {@code selection}. */
    Set<String> select(List<String> selection) {
        return split(selection, count).get(index - 1);
    }

    /** Every shard's names, shard 1 first, each in the order of {@code selection}: the deal described above. */
    static List<Set<String>> split(List<String> selection, int count) {
        record Dealt(long hash, String name) {
        }
        MessageDigest sha256 = sha256();
        List<Dealt> dealOrder = new ArrayList<>(selection.size());
        for (String name : selection) {
            dealOrder.add(new Dealt(ByteBuffer.wrap(sha256.digest(name.getBytes(StandardCharsets.UTF_8))).getLong(),
                    name));
        }
        dealOrder.sort(Comparator.comparingLong(Dealt::hash).thenComparing(Dealt::name));
        Map<String, Integer> shardOf = new HashMap<>();
        for (int i = 0; i < dealOrder.size(); i++) {
            shardOf.put(dealOrder.get(i).name(), i % count);
        }
        List<Set<String>> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            shards.add(new LinkedHashSet<>());
        }
        for (String name : selection) {
            shards.get(shardOf.get(name)).add(name);
        }
        return shards;
    }

    /**
     * What every shard of one job must agree on: a SHA-256 over the selected names, sorted (the assignment depends
     * on the set, not on the inventory's order), hex-encoded.
     */
    static String fingerprint(Collection<String> selection) {
        MessageDigest digest = sha256();
        selection.stream().sorted().forEach(name -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
