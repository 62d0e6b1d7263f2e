package com.example;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.inventory.Host;
import io.genja.task.HostTaskResult;
import io.genja.task.Task;
import io.genja.task.TaskRuntimeContext;
import io.genja.task.TaskSuccess;

/** Saves the running configuration of each device. Then diffs it. */
@GenjaTask(name = "save_config", connectionPluginName = "ssh")
public class SaveConfig implements Task {

    @TaskOption(description = "where backups go", required = true)
    String directory;

    @Override
    public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
        return HostTaskResult.passed(new TaskSuccess().withSummary(context.executeCommand("show running-config")));
    }
}
