package io.genja.textfsm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsing by platform and command, for code outside a task (inside one, {@code context.parse(command)} does the
 * same): the template comes from the {@link TemplateIndex} of a templates directory, such as a checkout of
 * ntc-templates' {@code ntc_templates/templates}.
 *
 * <pre>{@code
 * List<Map<String, Object>> interfaces =
 *         TextFsm.parse(Path.of("ntc-templates/ntc_templates/templates"), "cisco_ios", "show ip int brief", output);
 * }</pre>
 */
public final class TextFsm {

    /** The indexes read so far, by directory: each is read once and its templates compiled on first use. */
    private static final Map<Path, TemplateIndex> INDEXES = new ConcurrentHashMap<>();

    private TextFsm() {
    }

    /**
     * Parses {@code output} of {@code command} on a {@code platform} device with the template the directory's index
     * names for them.
     *
     * @throws IllegalArgumentException when no template of the index fits the platform and command
     * @throws TextFsmTemplateException when that template is not valid TextFSM
     * @throws TextFsmException when an {@code Error} action of the template fires on the output
     */
    public static List<Map<String, Object>> parse(Path templatesDir, String platform, String command, String output) {
        TemplateIndex index = index(templatesDir);
        TextFsmTemplate template = index.find(platform, command).orElseThrow(() -> new IllegalArgumentException(
                "no TextFSM template for \"" + command + "\" on platform " + platform + " in "
                        + index.directory().resolve(TemplateIndex.INDEX_FILE)
                        + " (the first row whose Platform and Command match is used)"));
        return template.parse(output).toMaps();
    }

    /** The index of {@code templatesDir}, read once. */
    public static TemplateIndex index(Path templatesDir) {
        return INDEXES.computeIfAbsent(templatesDir.toAbsolutePath().normalize(), TemplateIndex::load);
    }
}
