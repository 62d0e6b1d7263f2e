package io.genja.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code genja results}: works with the results documents {@code genja run --json} writes. */
@Command(name = "results", subcommands = ResultsMergeCommand.class,
        description = "Works with results files that genja run --json wrote.")
final class ResultsCommand implements Callable<Integer> {

    @ParentCommand
    GenjaCommand genja;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        CommandLine.usage(this, genja.context().err(),
                genja.context().terminal() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF);
        return ExitStatus.BAD_INPUT;
    }
}
