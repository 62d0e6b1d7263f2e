package io.genja.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Turns what a command printed into records, for {@link TaskRuntimeContext#parse(String)}. Implementations are found
 * through {@link ServiceLoader} (a {@code META-INF/services/io.genja.task.OutputParser} entry); the genja-textfsm
 * module provides one that picks a TextFSM template by platform and command from an ntc-templates style index
 * (docs/parsing.md). The runtime itself depends on no parser.
 */
public interface OutputParser {

    /**
     * Parses {@code output}, which {@code command} printed on a device of {@code platform}.
     *
     * @param templatesDir the settings' {@code parsing.templates_dir}; {@code null} when not set
     * @return one map per record, from field name to value (a {@code String}, or a {@code List} for list fields)
     * @throws TaskException {@code UNSUPPORTED} when there is nothing to parse this command's output with,
     *     {@code VALIDATION} when the parser's configuration or template is wrong, {@code COMMAND} when the output
     *     is not what the template accepts
     */
    List<Map<String, Object>> parse(String platform, String command, String output, Path templatesDir)
            throws TaskException;

    /**
     * The first parser registered on the thread's context class loader, else on this interface's (as
     * {@code PluginManager.discover()} looks for plugins).
     *
     * @throws TaskException {@code UNSUPPORTED} when there is none
     */
    static OutputParser find() throws TaskException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, OutputParser.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            for (OutputParser parser : ServiceLoader.load(OutputParser.class, loader)) {
                return parser;
            }
        }
        throw new TaskException(FailureKind.UNSUPPORTED, "no output parser is on the class path: add the "
                + "io.genja:genja-textfsm dependency to parse command output (docs/parsing.md)");
    }
}
