package io.genja.examples.tasks;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.inventory.Host;
import io.genja.task.FailureKind;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskFailure;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the running configuration against rules given as options:
 * {@code genja run compliance -o required="service password-encryption,no ip http server" -o forbidden="ip http server"}.
 */
@GenjaTask(name = "compliance", connectionPluginName = "ssh")
public class Compliance implements Task {

    @TaskOption(required = true, description = "lines the running configuration must contain (comma-separated)")
    List<String> required;

    @TaskOption(description = "lines it must not contain (comma-separated)")
    List<String> forbidden = List.of();

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        Set<String> lines = context.executeCommand("show running-config").lines()
                .map(String::strip).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        required.stream().filter(line -> !lines.contains(line.strip()))
                .forEach(line -> problems.add("missing \"" + line.strip() + "\""));
        forbidden.stream().filter(line -> lines.contains(line.strip()))
                .forEach(line -> problems.add("forbidden \"" + line.strip() + "\""));
        if (!problems.isEmpty()) {
            return HostTaskResult.failed(TaskFailure.of(FailureKind.VALIDATION, String.join("; ", problems)));
        }
        int rules = required.size() + forbidden.size();
        return HostTaskResult.passed(new TaskSuccess()
                .withSummary("compliant with " + rules + (rules == 1 ? " rule" : " rules")));
    }
}
