package io.genja.tasks;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.connection.CliCommand;
import io.genja.connection.CliMode;
import io.genja.connection.DeviceCli;
import io.genja.inventory.Host;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskException;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.time.Duration;
import java.util.List;

/**
 * Sends one command to each device and returns its output: {@code genja run command -o command="show clock"}.
 * Optional: a pattern that ends the output instead of the prompt, a timeout of its own, answers to the questions
 * the command asks, privileged mode first. Declares no dry-run support: an ad-hoc command may change anything.
 */
@GenjaTask(name = "command", connectionPluginName = "ssh")
public class Command implements Task {

    @TaskOption(required = true, description = "the command line, e.g. \"show ip interface brief\"")
    String command;

    @TaskOption(description = "a regular expression that ends the output instead of the prompt")
    String expect;

    @TaskOption(description = "how long to wait for the output (default: the connection's read timeout)")
    Duration timeout;

    @TaskOption(description = "answers to the command's questions, each QUESTION-REGEX=ANSWER, e.g. \\[confirm\\]=y")
    List<String> answers = List.of();

    @TaskOption(description = "reach privileged mode (enable, with the connection's secret) before the command")
    boolean enable;

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        CliCommand request = request();
        DeviceCli cli = context.cli();
        if (enable && cli.mode() == CliMode.USER) {
            cli.enable();
        }
        String output = cli.send(request);
        return HostTaskResult.passed(new TaskSuccess().withResult(output).withSummary(summary(output)));
    }

    /** The command with its options; a bad pattern or answer is a {@code VALIDATION} failure naming the option. */
    CliCommand request() throws TaskException {
        try {
            CliCommand request = CliCommand.of(command);
            if (expect != null) {
                request = request.expecting(expect);
            }
            if (timeout != null) {
                request = request.withTimeout(timeout);
            }
            for (String answer : answers) {
                int equals = answer.lastIndexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("answers: \"" + answer + "\" is not QUESTION-REGEX=ANSWER,"
                            + " e.g. \\[confirm\\]=y (an empty ANSWER sends only Enter)");
                }
                request = request.answering(answer.substring(0, equals), answer.substring(equals + 1));
            }
            return request;
        } catch (IllegalArgumentException e) {
            throw new TaskException(FailureKind.VALIDATION, "task \"command\": " + e.getMessage(), e);
        }
    }

    /** The output itself when it is one line, else how many lines it has. */
    private static String summary(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        return lines.size() == 1 ? lines.get(0).strip() : lines.size() + " lines";
    }
}
