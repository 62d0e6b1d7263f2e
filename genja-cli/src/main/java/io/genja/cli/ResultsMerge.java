package io.genja.cli;

import io.genja.task.HookError;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Merges results documents into the results one run over all their hosts would have: the shards of one sharded run
 * (every shard there once, all of the same selection), or whole runs over disjoint hosts. Every problem is found
 * before any is reported.
 */
final class ResultsMerge {

    /** Problems about single hosts listed before the rest are counted: a file given twice repeats every host. */
    private static final int HOSTS_LISTED = 10;

    private ResultsMerge() {
    }

    /**
     * The merged results: hosts in the order of the selection (for shards) or of the files, sub-tasks merged by
     * name, hook errors of every file, from the earliest start to the latest finish.
     *
     * @throws CliException listing every problem: documents of different tasks, shards of different splits or
     *     selections, a shard given twice or missing, a host present twice
     */
    static TaskResults merge(List<ResultsFile> files) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Path>> tasks = group(files, file -> file.results().taskName());
        if (tasks.size() > 1) {
            problems.add("the files hold results of different tasks: " + describe(tasks, task -> task));
        }
        List<ResultsFile> shards = files.stream().filter(file -> file.shard() != null).toList();
        if (!shards.isEmpty() && shards.size() < files.size()) {
            problems.add(paths(files.stream().filter(file -> file.shard() == null).toList())
                    + " hold a whole run (no shard record) but " + paths(shards) + " hold shards:"
                    + " merge the shards of one run, or whole runs over different hosts");
        } else if (!shards.isEmpty()) {
            problems.addAll(shardProblems(shards));
        }
        problems.addAll(hostsPresentTwice(files));
        if (problems.size() == 1) {
            throw new CliException("cannot merge: " + problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new CliException("cannot merge: " + problems.size() + " problems:", problems);
        }
        Map<String, Integer> rank = new HashMap<>();
        for (ResultsFile file : files) {
            List<String> hosts = file.results().hosts();
            for (int i = 0; i < hosts.size(); i++) {
                rank.put(hosts.get(i), file.shard() == null ? rank.size() : file.shard().positions().get(i));
            }
        }
        return combine(files.stream().map(ResultsFile::results).toList(), rank);
    }

    /** One split (the same N), one selection, every shard exactly once, and as many hosts as were selected. */
    private static List<String> shardProblems(List<ResultsFile> shards) {
        List<String> problems = new ArrayList<>();
        Map<Integer, List<Path>> counts = group(shards, file -> file.shard().shard().count());
        if (counts.size() > 1) {
            problems.add("the shards come from different splits: " + describe(group(shards,
                    file -> file.shard().shard().toString()), shard -> shard));
        }
        Map<String, List<Path>> selections = group(shards, file -> ResultTable.count(file.shard().selected(), "host")
                + " with sha256 " + file.shard().fingerprint().substring(0, Math.min(12, file.shard().fingerprint()
                .length())));
        if (selections.size() > 1) {
            problems.add("the shards were cut from different selections (every shard must run with the same"
                    + " inventory, --filter and --rerun-failed file): " + describe(selections, selection -> selection));
        }
        Map<Integer, List<Path>> indexes = new TreeMap<>(group(shards, file -> file.shard().shard().index()));
        indexes.forEach((index, paths) -> {
            if (paths.size() > 1) {
                problems.add("shard " + index + "/" + shards.get(0).shard().shard().count() + " is given "
                        + paths.size() + " times: " + joined(paths));
            }
        });
        if (counts.size() == 1) {
            int count = counts.keySet().iterator().next();
            List<String> missing = new ArrayList<>();
            for (int index = 1; index <= count; index++) {
                if (!indexes.containsKey(index)) {
                    missing.add(index + "/" + count);
                }
            }
            if (!missing.isEmpty()) {
                problems.add((missing.size() == 1 ? "shard " + missing.get(0) + " is" : "shards "
                        + String.join(", ", missing) + " are") + " missing (" + indexes.size() + " of " + count
                        + " given)");
            }
            int hosts = shards.stream().mapToInt(file -> file.results().hosts().size()).sum();
            int selected = shards.get(0).shard().selected();
            if (missing.isEmpty() && selections.size() == 1 && indexes.size() == shards.size() && hosts != selected) {
                problems.add("the shards hold " + ResultTable.count(hosts, "host") + " but their selection had "
                        + selected + ": a file was changed after genja run wrote it");
            }
        }
        return problems;
    }

    private static List<String> hostsPresentTwice(List<ResultsFile> files) {
        Map<String, List<Path>> where = new LinkedHashMap<>();
        for (ResultsFile file : files) {
            file.results().hosts().forEach(host -> where.computeIfAbsent(host, h -> new ArrayList<>()).add(file.file()));
        }
        List<String> twice = where.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(entry -> "host " + entry.getKey() + " is in " + joined(entry.getValue())).toList();
        if (twice.size() <= HOSTS_LISTED) {
            return twice;
        }
        List<String> listed = new ArrayList<>(twice.subList(0, HOSTS_LISTED));
        listed.add("... and " + (twice.size() - HOSTS_LISTED) + " more hosts present more than once");
        return listed;
    }

    /** The results of one task node from every part, hosts ordered by {@code rank}, sub-tasks merged by name. */
    private static TaskResults combine(List<TaskResults> parts, Map<String, Integer> rank) {
        List<Map.Entry<String, HostTaskResult>> hosts = new ArrayList<>();
        parts.forEach(part -> hosts.addAll(part.byHost().entrySet()));
        hosts.sort(Comparator.comparing(entry -> rank.get(entry.getKey())));
        Map<String, HostTaskResult> byHost = new LinkedHashMap<>();
        hosts.forEach(entry -> byHost.put(entry.getKey(), entry.getValue()));

        Map<String, List<TaskResults>> subParts = new LinkedHashMap<>();
        parts.forEach(part -> part.subTasks().forEach((name, sub) ->
                subParts.computeIfAbsent(name, n -> new ArrayList<>()).add(sub)));
        Map<String, TaskResults> subTasks = new LinkedHashMap<>();
        subParts.forEach((name, subs) -> subTasks.put(name, combine(subs, rank)));

        List<HookError> hookErrors = new ArrayList<>();
        parts.forEach(part -> hookErrors.addAll(part.hookErrors()));
        // A shard without hosts has a moment, not a span, for its sub-tasks: the span comes from those with hosts.
        List<TaskResults> timed = parts.stream().filter(part -> !part.byHost().isEmpty()).toList();
        List<TaskResults> clock = timed.isEmpty() ? parts : timed;
        Instant startedAt = clock.stream().map(TaskResults::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant finishedAt = clock.stream().map(TaskResults::finishedAt).max(Comparator.naturalOrder()).orElseThrow();
        return new TaskResults(parts.get(0).taskName(), byHost, subTasks, startedAt, finishedAt, hookErrors);
    }

    private static <K> Map<K, List<Path>> group(List<ResultsFile> files, Function<ResultsFile, K> key) {
        return files.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.mapping(ResultsFile::file, Collectors.toList())));
    }

    private static <K> String describe(Map<K, List<Path>> groups, Function<K, String> name) {
        return groups.entrySet().stream().map(entry -> name.apply(entry.getKey()) + " (" + joined(entry.getValue())
                + ")").collect(Collectors.joining(", "));
    }

    private static String paths(List<ResultsFile> files) {
        return joined(files.stream().map(ResultsFile::file).toList());
    }

    private static String joined(List<Path> paths) {
        return paths.stream().map(Objects::toString).collect(Collectors.joining(", "));
    }
}
