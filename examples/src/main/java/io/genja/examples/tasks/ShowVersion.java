package io.genja.examples.tasks;

import io.genja.annotations.GenjaTask;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code show version} and puts the software version and the uptime into the result's metadata. */
@GenjaTask(name = "show_version", connectionPluginName = "ssh")
public class ShowVersion implements Task {

    /**
     * IOS/IOS-XE/NX-OS "Version 15.2(4)M7,", EOS "Software image version: 4.28.3M", Junos "Junos: 21.4R3",
     * Linux "Kernel: 6.1.0-13-amd64".
     */
    private static final Pattern VERSION = Pattern.compile(
            "(?im)(?:\\bversion:?|^junos:|^kernel:)\\s+([0-9][\\w.()\\-]*[\\w)])");
    /** IOS "router1 uptime is 1 week, 2 days", EOS "Uptime: 3 weeks", Linux "up 5 days". */
    private static final Pattern UPTIME = Pattern.compile("(?im)(?:uptime is|uptime:|\\bup)\\s+([^\\n,]+(?:, [^\\n,]+)*)");

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        String output = context.executeCommand("show version");
        Optional<String> version = first(VERSION, output);
        Optional<String> uptime = first(UPTIME, output);
        TaskSuccess success = new TaskSuccess().withResult(output)
                .withSummary(version.orElse("unknown version") + uptime.map(u -> ", up " + u).orElse(""))
                .withMetadata("version", version.orElse(null))
                .withMetadata("uptime", uptime.orElse(null));
        if (version.isEmpty()) {
            success = success.withWarning("found no version in the output of show version");
        }
        return HostTaskResult.passed(success);
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }
}
