package io.genja.cli;

import io.genja.task.TaskDefinition;
import io.genja.task.TaskOptionSpec;
import io.genja.task.TaskReference;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code genja tasks}: the task catalog on the class path. */
@Command(name = "tasks",
        description = "Lists the tasks on the class path: plugin, processors, sub-tasks, dry-run support, options.")
final class TasksCommand implements Callable<Integer> {

    @ParentCommand
    GenjaCommand genja;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--json", description = "Print the catalog as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<TaskDefinition> tasks = genja.context().catalog().all();
        PrintStream out = genja.context().out();
        if (json) {
            out.println(Json.write(TaskReference.document(tasks)));
            return ExitStatus.OK;
        }
        if (tasks.isEmpty()) {
            out.println("No tasks on the class path. Annotate task classes with @GenjaTask and compile them with"
                    + " genja-processor on the annotation processor path.");
            return ExitStatus.OK;
        }
        int width = tasks.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        for (TaskDefinition task : tasks) {
            out.println(TextTable.pad(task.name(), width) + "  " + TextTable.pad(task.connectionPluginName().orElse("-"), 8) + "  "
                    + task.description());
            String indent = " ".repeat(width + 2);
            if (!task.subTasks().isEmpty()) {
                out.println(indent + "sub-tasks:  " + String.join(", ", task.subTasks()));
            }
            if (!task.processors().isEmpty()) {
                out.println(indent + "processors: " + String.join(", ", task.processors()));
            }
            if (task.supportsDryRun()) {
                out.println(indent + "dry run:    supported (genja run --dry-run)");
            }
            for (TaskOptionSpec option : task.options()) {
                out.println(indent + "-o " + option.name() + "=<" + simpleType(option.type()) + ">"
                        + (option.required() ? " (required)" : "")
                        + (option.description().isEmpty() ? "" : "  " + option.description()));
            }
        }
        return ExitStatus.OK;
    }

    /** {@code java.util.List<java.lang.String>} reads as {@code List<String>}. */
    static String simpleType(String type) {
        return TaskReference.simpleType(type);
    }
}
