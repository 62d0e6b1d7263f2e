package io.genja.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code genja}: the top-level command and the options every subcommand shares. */
@Command(name = "genja",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {TasksCommand.class, InventoryCommand.class, RunCommand.class, CheckCommand.class,
                ResultsCommand.class, CommandLine.HelpCommand.class},
        description = "Runs compile-checked network-automation tasks on the hosts of an inventory.",
        footer = {"", "Exit status: 0 all hosts passed, 1 some host failed, 2 bad usage, configuration or input,"
                + " 3 internal error, 130 run interrupted by Ctrl-C."})
final class GenjaCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The configuration (config.yaml); default: $GENJA_CONFIG, else ./config.yaml.")
    Path config;

    @Option(names = {"-i", "--inventory"}, paramLabel = "DIR|FILES", scope = ScopeType.INHERIT,
            description = "The inventory, without a configuration: a directory with hosts, groups and defaults "
                    + "files, or files separated by commas (hosts.yaml,groups.yaml). Replaces the configuration's "
                    + "inventory section.")
    String inventory;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Log at DEBUG level to the console and print stack traces of errors.")
    boolean debug;

    GenjaCommand(CliContext context) {
        this.context = context;
    }

    /** A command line wired to {@code context}: its streams, error handling and exit codes. */
    static CommandLine commandLine(CliContext context) {
        GenjaCommand command = new GenjaCommand(context);
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(context.out(), true));
        commandLine.setErr(new PrintWriter(context.err(), true));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                context.terminal() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        commandLine.setExecutionStrategy(parseResult -> {
            LoggingSetup.configure(context.err(), LoggingSetup.Config.console(command.debug));
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler(new ErrorHandler(context, () -> command.debug));
        commandLine.setParameterExceptionHandler(ErrorHandler::handleUsageError);
        return commandLine;
    }

    CliContext context() {
        return context;
    }

    /**
     * The configuration file to use: {@code -c}, else {@code $GENJA_CONFIG}, else ./config.yaml if present, unless
     * an embedding application gave the inventory (then only an explicit configuration is read). None is needed
     * with {@code -i}.
     */
    Path configFile() {
        if (config != null) {
            return context.resolve(config);
        }
        String fromEnv = context.env().get("GENJA_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return context.resolve(Path.of(fromEnv));
        }
        if (context.injectedInventory().isPresent()) {
            return null;
        }
        Path local = context.resolve(Path.of("config.yaml"));
        return java.nio.file.Files.isRegularFile(local) ? local : null;
    }

    /** The inventory files of {@code -i}, if given. */
    java.util.Optional<InventoryFiles> inventoryFiles() {
        return inventory == null ? java.util.Optional.empty()
                : java.util.Optional.of(InventoryFiles.of(inventory, context));
    }

    boolean debug() {
        return debug;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, context.err(),
                context.terminal() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF);
        return ExitStatus.BAD_INPUT;
    }
}
