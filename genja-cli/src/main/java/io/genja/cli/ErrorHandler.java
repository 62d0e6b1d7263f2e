package io.genja.cli;

import io.genja.GenjaException;
import io.genja.document.Problem;
import io.genja.inventory.InventoryException;
import io.genja.settings.SettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into a short message and an exit status: bad input is {@link ExitStatus#BAD_INPUT}
 * with one line (and one line per problem), anything else is an internal error. Stack traces only with
 * {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    private final CliContext context;
    private final BooleanSupplier debug;

    ErrorHandler(CliContext context, BooleanSupplier debug) {
        this.context = context;
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int status;
        if (isBadInput(exception)) {
            List<Problem> problems = problemsIn(exception);
            if (problems.size() == 1) {
                err.println("genja: error: " + context.display(problems.get(0)));
            } else {
                // "N problems in the inventory:", then one line each
                err.println("genja: error: " + firstLine(message(exception)));
                problems.forEach(problem -> err.println("  " + context.display(problem)));
            }
            if (exception instanceof CliException cli) {
                cli.problems().forEach(problem -> err.println("  " + problem));
            }
            status = ExitStatus.BAD_INPUT;
        } else {
            err.println("genja: internal error: " + exception.getClass().getName() + ": "
                    + firstLine(message(exception)) + (debug.getAsBoolean() ? "" : " (rerun with --debug for details)"));
            status = ExitStatus.INTERNAL_ERROR;
        }
        if (debug.getAsBoolean()) {
            exception.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /** A command line that does not parse: the error and where to find help, never the whole usage text. */
    static int handleUsageError(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("genja: error: " + usageMessage(exception));
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitStatus.BAD_INPUT;
    }

    /** A mistyped subcommand reads as one, with a suggestion; anything else as picocli words it. */
    private static String usageMessage(ParameterException exception) {
        CommandLine commandLine = exception.getCommandLine();
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched
                && !commandLine.getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            String typed = unmatched.getUnmatched().get(0);
            Set<String> commands = commandLine.getSubcommands().keySet();
            return "unknown command \"" + typed + "\"; commands: " + String.join(", ", commands) + "."
                    + Suggestions.didYouMean(typed, commands);
        }
        return exception.getMessage();
    }

    private static boolean isBadInput(Exception exception) {
        return exception instanceof CliException
                || exception instanceof GenjaException
                || exception instanceof InventoryException
                || exception instanceof IllegalArgumentException
                || exception instanceof IOException
                || exception instanceof UncheckedIOException;
    }

    private static String message(Exception exception) {
        if (exception instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (exception instanceof UncheckedIOException io && io.getCause() instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        return exception.getMessage() != null ? exception.getMessage() : exception.getClass().getSimpleName();
    }

    /** The problems of a settings or inventory file, each with its place; empty for other exceptions. */
    private static List<Problem> problemsIn(Exception exception) {
        return exception instanceof InventoryException inventory ? inventory.problems()
                : exception instanceof SettingsException settings ? settings.problems() : List.of();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
