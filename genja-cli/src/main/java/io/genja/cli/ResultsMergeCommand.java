package io.genja.cli;

import io.genja.task.TaskResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code genja results merge a.json b.json ...}: the shards of one run (or whole runs over different hosts) as one
 * result, with the table, the totals and the exit status a single run would have given.
 */
@Command(name = "merge", description = "Merges the results of the shards of one run (genja run --shard I/N --json"
        + " FILE), prints them as genja run does, and exits as one run over all the hosts would have.")
final class ResultsMergeCommand implements Callable<Integer> {

    @ParentCommand
    ResultsCommand results;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Results files written by genja run --json.")
    List<Path> files;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the merged results as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws IOException {
        CliContext context = results.genja.context();
        if (json != null) {
            OutputFiles.checkWritable(context.resolve(json), "--json file", false);
        }
        TaskResults merged = ResultsMerge.merge(files.stream().map(file -> ResultsFile.read(context, file)).toList());
        context.out().println("Merged " + ResultTable.count(files.size(), "file") + ": " + merged.taskName() + " on "
                + ResultTable.count(merged.hosts().size(), "host") + ".");
        ResultTable.print(merged, context.out(), context.terminal() ? Ansi.ON : Ansi.OFF);
        if (json != null) {
            Files.writeString(context.resolve(json), merged.toPrettyJson());
        }
        return exitStatus(merged);
    }

    /** What {@code genja run} returns for these results: a run that was interrupted, had failures, or passed. */
    static int exitStatus(TaskResults results) {
        if (HostOutcome.of(results).stream().anyMatch(HostOutcome::interrupted)) {
            return ExitStatus.INTERRUPTED;
        }
        return results.anyFailed() || !results.hookErrors().isEmpty() ? ExitStatus.HOSTS_FAILED : ExitStatus.OK;
    }
}
