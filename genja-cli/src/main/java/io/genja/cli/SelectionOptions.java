package io.genja.cli;

import io.genja.Genja;
import io.genja.inventory.Filter;
import io.genja.inventory.Host;
import io.genja.task.TaskResults;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options of {@code genja run} that narrow its hosts after {@code --filter}: first {@code --rerun-failed}, then
 * {@code --shard} (see {@code docs/scale.md}).
 */
final class SelectionOptions {

    @Option(names = "--rerun-failed", paramLabel = "FILE",
            description = "Only the hosts that failed or were unreachable in FILE (written by --json).")
    Path rerunFailed;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Only shard I of N (1/8 to 8/8) of the selected hosts; default: $JOB_COMPLETION_INDEX + 1"
                    + " of $" + Shard.COUNT_VARIABLE + " when that is set.")
    String shard;

    /**
     * The hosts of {@code filtered} these options leave, with what a sharded run records in its JSON. Prints a line
     * saying what was narrowed. Every check happens here, before any host is touched.
     *
     * @param all the whole inventory, against which the hosts of the {@code --rerun-failed} file are checked
     */
    Narrowed narrow(CliContext context, Genja all, Genja filtered) {
        Shard chosen = shard != null ? Shard.parse(shard) : Shard.fromEnvironment(context.env());
        Genja hosts = filtered;
        if (rerunFailed != null) {
            Set<String> failed = failedHosts(context, all);
            List<String> kept = names(filtered).stream().filter(failed::contains).toList();
            context.out().println(kept.size() == failed.size()
                    ? "Rerunning the " + ResultTable.count(failed.size(), "host") + " that failed in " + rerunFailed
                            + "."
                    : "Rerunning " + kept.size() + " of the " + ResultTable.count(failed.size(), "host")
                            + " that failed in " + rerunFailed + " (the others are not selected by --filter).");
            hosts = hosts.filter(only(kept, "failed in " + rerunFailed));
        }
        if (chosen == null) {
            return new Narrowed(hosts, null, 0, null, Map.of());
        }
        List<String> selection = names(hosts);
        Set<String> mine = chosen.select(selection);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < selection.size(); i++) {
            positions.put(selection.get(i), i);
        }
        context.out().println("Shard " + chosen + ": " + mine.size() + " of " + ResultTable.count(selection.size(),
                "selected host") + ".");
        return new Narrowed(hosts.filter(only(mine, "shard " + chosen)), chosen, selection.size(),
                Shard.fingerprint(selection), positions);
    }

    /** The hosts that failed, were unreachable or were interrupted in the file; each must be in the inventory. */
    private Set<String> failedHosts(CliContext context, Genja all) {
        ResultsFile file = ResultsFile.read(context, rerunFailed);
        Set<String> known = new LinkedHashSet<>(names(all));
        List<String> unknown = file.results().hosts().stream().filter(host -> !known.contains(host)).toList();
        if (!unknown.isEmpty()) {
            String listed = String.join(", ", unknown.subList(0, Math.min(10, unknown.size())))
                    + (unknown.size() > 10 ? ", ... (" + unknown.size() + " in all)" : "");
            throw new CliException("--rerun-failed " + rerunFailed + ": " + (unknown.size() == 1 ? "host " : "hosts ")
                    + listed + (unknown.size() == 1 ? " is" : " are") + " not in the inventory; the file must come"
                    + " from a run on this inventory");
        }
        Set<String> failed = new LinkedHashSet<>();
        for (HostOutcome outcome : HostOutcome.of(file.results())) {
            if (outcome.failed() || outcome.interrupted()) {
                failed.add(outcome.host());
            }
        }
        return failed;
    }

    private static List<String> names(Genja genja) {
        return genja.hosts().stream().map(Host::name).toList();
    }

    private static Filter only(Iterable<String> names, String description) {
        Set<String> set = new LinkedHashSet<>();
        names.forEach(set::add);
        return Filter.of(description, host -> set.contains(host.name()));
    }

    /**
     * The narrowed hosts and, for a shard, what its JSON records so that {@code genja results merge} can tell
     * whether every shard of the same selection is there.
     *
     * @param shard null when the run is not sharded
     * @param selected the number of hosts that were split into shards
     * @param positions each of those hosts' place in the selection (inventory order)
     */
    record Narrowed(Genja hosts, Shard shard, int selected, String fingerprint, Map<String, Integer> positions) {

        /** The shard record for {@code results} of this shard's run; null when the run is not sharded. */
        ResultsFile.ShardRecord record(TaskResults results) {
            return shard == null ? null : new ResultsFile.ShardRecord(shard, selected, fingerprint,
                    results.hosts().stream().map(positions::get).toList());
        }
    }
}
