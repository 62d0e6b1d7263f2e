package io.genja.processor.base;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;

/**
 * The {@code -A} options the processor understands.
 *
 * @param connectionPlugins connection plugin names registered only at run time ({@code -Agenja.connectionPlugins=a,b})
 * @param processors processor names registered only at run time ({@code -Agenja.processors=a,b})
 * @param nameCheckKind how unknown and duplicate names are reported ({@code -Agenja.validation=error|warning})
 */
public record ProcessorOptions(Set<String> connectionPlugins, Set<String> processors, Diagnostic.Kind nameCheckKind) {

    public static final String CONNECTION_PLUGINS = "genja.connectionPlugins";
    public static final String PROCESSORS = "genja.processors";
    public static final String VALIDATION = "genja.validation";

    /** Every option key, for {@code getSupportedOptions()}. */
    public static final Set<String> KEYS = Set.of(CONNECTION_PLUGINS, PROCESSORS, VALIDATION);

    public ProcessorOptions {
        connectionPlugins = Set.copyOf(connectionPlugins);
        processors = Set.copyOf(processors);
    }

    /**
     * Reads the options; an invalid {@code genja.validation} value is added to {@code report} and treated as
     * {@code error}.
     */
    public static ProcessorOptions parse(Map<String, String> options, ValidationReport report) {
        Diagnostic.Kind kind = Diagnostic.Kind.ERROR;
        String validation = options.get(VALIDATION);
        if ("warning".equals(validation)) {
            kind = Diagnostic.Kind.WARNING;
        } else if (validation != null && !"error".equals(validation)) {
            report.error(Messages.badOption(VALIDATION, validation, "error or warning"), null, null, null);
        }
        return new ProcessorOptions(names(options.get(CONNECTION_PLUGINS)), names(options.get(PROCESSORS)), kind);
    }

    private static Set<String> names(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
