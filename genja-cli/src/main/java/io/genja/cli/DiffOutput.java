package io.genja.cli;

import io.genja.task.HostTaskResult;
import io.genja.task.TaskResults;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code genja run --diff}: after the run, each host's diffs (what the tasks changed, or would change under
 * {@code --dry-run}), like {@code ansible-playbook --diff}. Coloured ({@code +} green, {@code -} red, {@code @@}
 * cyan) only on a terminal and when {@code NO_COLOR} is not set, so pipes and files get plain text. A picocli
 * mixin: {@code RunCommand} only wires it.
 */
final class DiffOutput {

    private static final String GREEN = "\u001B[32m";
    private static final String RED = "\u001B[31m";
    private static final String CYAN = "\u001B[36m";
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";

    @Option(names = "--diff", description = "Print each changed host's diff (what would change with --dry-run).")
    boolean enabled;

    /** Whether diffs are coloured: on a terminal, unless {@code NO_COLOR} is set to anything but "" (no-color.org). */
    static boolean colourFor(CliContext context) {
        String noColor = context.env().get("NO_COLOR");
        return context.terminal() && (noColor == null || noColor.isEmpty());
    }

    /** Prints the diffs of {@code results} when {@code --diff} was given; nothing for hosts without a diff. */
    void print(TaskResults results, PrintStream out, boolean colour) {
        if (!enabled) {
            return;
        }
        for (String host : results.hosts()) {
            printHost(results, host, out, colour);
        }
    }

    /** The diffs of {@code host} in task-tree order: the task, then its sub-tasks depth-first. */
    private static void printHost(TaskResults results, String host, PrintStream out, boolean colour) {
        if (results.byHost().get(host) instanceof HostTaskResult.Passed passed) {
            String diff = passed.success().diff();
            if (diff != null && !diff.isBlank()) {
                String header = host + ": " + results.taskName();
                out.println();
                out.println(colour ? BOLD + header + RESET : header);
                diff.lines().forEach(line -> out.println(colour ? coloured(line) : line));
            }
        }
        for (Map.Entry<String, TaskResults> sub : results.subTasks().entrySet()) {
            printHost(sub.getValue(), host, out, colour);
        }
    }

    /** A diff line in the colour of its kind: added green, removed red, hunk header cyan, context plain. */
    static String coloured(String line) {
        if (line.startsWith("@@")) {
            return CYAN + line + RESET;
        }
        if (line.startsWith("+")) {
            return GREEN + line + RESET;
        }
        if (line.startsWith("-")) {
            return RED + line + RESET;
        }
        return line;
    }
}
