package io.genja.textfsm;

import io.genja.task.FailureKind;
import io.genja.task.OutputParser;
import io.genja.task.TaskException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code context.parse(command)} with TextFSM: the template the {@code parsing.templates_dir} index names for the
 * host's platform and the command. Registered for {@link java.util.ServiceLoader}.
 */
public final class TextFsmOutputParser implements OutputParser {

    @Override
    public List<Map<String, Object>> parse(String platform, String command, String output, Path templatesDir)
            throws TaskException {
        if (templatesDir == null) {
            throw new TaskException(FailureKind.VALIDATION, "no TextFSM templates directory to parse \"" + command
                    + "\" with: set parsing.templates_dir in the settings (or GENJA_PARSING_TEMPLATES_DIR) to a "
                    + "directory with an index, such as an ntc-templates checkout's ntc_templates/templates");
        }
        if (platform == null) {
            throw new TaskException(FailureKind.VALIDATION, "the host has no platform, which the TextFSM index needs "
                    + "to find the template for \"" + command + "\": set platform in the inventory");
        }
        TemplateIndex index;
        try {
            index = TextFsm.index(templatesDir);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new TaskException(FailureKind.VALIDATION, e.getMessage(), e);
        }
        TextFsmTemplate template;
        try {
            template = index.find(platform, command).orElseThrow(() -> new TaskException(FailureKind.UNSUPPORTED,
                    "no TextFSM template for \"" + command + "\" on platform " + platform + " in "
                            + templatesDir.resolve(TemplateIndex.INDEX_FILE)));
        } catch (UncheckedIOException | TextFsmTemplateException e) {
            throw new TaskException(FailureKind.VALIDATION, e.getMessage(), e);
        }
        try {
            return template.parse(output).toMaps();
        } catch (TextFsmException e) {
            throw new TaskException(FailureKind.COMMAND, "the output of \"" + command + "\" is not what its template "
                    + "accepts: " + e.getMessage(), e);
        }
    }
}
