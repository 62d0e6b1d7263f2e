package com.acme;

import io.genja.task.OptionConverters;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskException;
import io.genja.task.TaskInstance;
import io.genja.task.TaskOptionSpec;
import io.genja.task.TaskOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The {@link TaskDefinition} of {@link BackupConfig}, task {@code backup_config}.
 * Creates the task and binds its options, without reflection.
 */
@Generated("io.genja.processor.GenjaProcessor")
public final class BackupConfig_GenjaAdapter implements TaskDefinition {
    private static final String NAME = "backup_config";

    private static final List<TaskOptionSpec> OPTIONS = List.of(
            new TaskOptionSpec("target_dir", "java.nio.file.Path", true, "Where the files go."),
            new TaskOptionSpec("max_lines", "int", false, "Stop after this many lines"),
            new TaskOptionSpec("scope", "com.acme.BackupConfig.Scope", false, ""),
            new TaskOptionSpec("timeout", "java.time.Duration", false, ""),
            new TaskOptionSpec("extra_commands", "java.util.List<java.lang.String>", false, ""),
            new TaskOptionSpec("compress", "java.lang.Boolean", false, ""));

    /**
     * Called by {@link java.util.ServiceLoader}.
     */
    public BackupConfig_GenjaAdapter() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> connectionPluginName() {
        return Optional.of("ssh");
    }

    @Override
    public List<String> processors() {
        return List.of("audit");
    }

    @Override
    public List<String> subTasks() {
        return List.of("save_diff");
    }

    @Override
    public List<TaskOptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public String description() {
        return "Backs up the running-config of each device.";
    }

    @Override
    public Class<BackupConfig> taskClass() {
        return BackupConfig.class;
    }

    @Override
    public TaskInstance newInstance(TaskOptions options) throws TaskException {
        return bindOptions(new BackupConfig(), options);
    }

    @Override
    public TaskInstance bindOptions(Object task, TaskOptions options) throws TaskException {
        Object targetDirValue = options.raw("target_dir")
                .orElseThrow(() -> OptionConverters.missing(NAME, "target_dir"));
        Object maxLinesValue = options.raw("max_lines").orElse(null);
        Object scopeValue = options.raw("scope").orElse(null);
        Object commandTimeoutValue = options.raw("timeout").orElse(null);
        Object extraCommandsValue = options.raw("extra_commands").orElse(null);
        Object compressValue = options.raw("compress").orElse(null);

        Path targetDir = OptionConverters.toPath(targetDirValue, "target_dir");
        Integer maxLines = maxLinesValue == null ? null
                : OptionConverters.toInt(maxLinesValue, "max_lines");
        BackupConfig.Scope scope = scopeValue == null ? null
                : OptionConverters.toEnum(scopeValue, "scope", BackupConfig.Scope.values());
        Duration commandTimeout = commandTimeoutValue == null ? null
                : OptionConverters.toDuration(commandTimeoutValue, "timeout");
        List<String> extraCommands = extraCommandsValue == null ? null
                : OptionConverters.toStringList(extraCommandsValue, "extra_commands");
        Boolean compress = compressValue == null ? null
                : OptionConverters.toBoolean(compressValue, "compress");

        BackupConfig backupConfig = (BackupConfig) task;
        backupConfig.targetDir = targetDir;
        if (maxLines != null) {
            backupConfig.maxLines = maxLines;
        }
        if (scope != null) {
            backupConfig.scope = scope;
        }
        if (commandTimeout != null) {
            backupConfig.commandTimeout = commandTimeout;
        }
        if (extraCommands != null) {
            backupConfig.extraCommands = extraCommands;
        }
        if (compress != null) {
            backupConfig.compress = compress;
        }
        return new TaskInstance.Blocking(backupConfig);
    }
}
