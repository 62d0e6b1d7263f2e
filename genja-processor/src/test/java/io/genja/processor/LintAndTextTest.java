package io.genja.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.genja.processor.Fixtures.START;
import static io.genja.processor.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskDefinition;
import io.genja.task.TaskOptionSpec;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user project built with {@code -Xlint:all -Werror} stays clean, deprecated tasks and options included; and
 * descriptions with any characters survive the adapter and the catalog unchanged.
 */
class LintAndTextTest {

    private static final List<String> STRICT = List.of("-Xlint:all", "-Werror");

    @TempDir
    Path temp;

    @Test
    void deprecatedTaskWithDeprecatedOptionsCompilesCleanUnderXlintAllWerror() {
        JavaFileObject file = source("Legacy", """
                /** Old backup, kept for a while. */
                @Deprecated(since = "2", forRemoval = true)
                @GenjaTask(name = "legacy")
                public class Legacy implements Task {
                    @Deprecated
                    @TaskOption
                    public String target;

                    @Deprecated(forRemoval = true)
                    @TaskOption
                    public Mode mode;

                    @Deprecated(forRemoval = true)
                    public enum Mode { FAST, SLOW }
                """ + START + "}\n");
        Compilation compilation = Compilations.compile(STRICT, file);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void plainTaskCompilesCleanUnderXlintAllWerror() {
        assertThat(Compilations.compile(STRICT, Fixtures.task("Plain", "plain"))).succeededWithoutWarnings();
    }

    @Test
    void descriptionsWithLineSeparatorsQuotesAndBackslashesRoundTrip() throws Exception {
        String task = "Splits\u2028lines\u2029and \"quotes\", a \\ backslash, a tab\t and \u00e9.";
        String option = "Path like C:\\temp\\\"x\" \u2028 here";
        JavaFileObject file = source("Odd", """
                @GenjaTask(name = "odd", description = "%s")
                public class Odd implements Task {
                    @TaskOption(description = "%s")
                    public String path;
                """.formatted(javaLiteral(task), javaLiteral(option)) + START + "}\n");
        Compilation compilation = Compilations.compile(STRICT, file);
        assertThat(compilation).succeededWithoutWarnings();

        TaskDefinition odd = definition(compilation, "odd");
        assertThat(odd.description()).isEqualTo(task);
        assertThat(odd.options()).containsExactly(new TaskOptionSpec("path", "java.lang.String", false, option));
        String catalog = catalog(compilation);
        assertThat(catalog).contains("\\u2028").doesNotContain("\u2028");
        assertThat(catalog).contains("\"description\": \"" + jsonEscaped(task) + "\"")
                .contains("\"description\": \"" + jsonEscaped(option) + "\"");
    }

    @Test
    void javadocDescriptionIsNotCutAtAbbreviations() throws Exception {
        JavaFileObject file = source("Abbrev", """
                /**
                 * Backs up configs, e.g. running and startup, i.e. both, etc. vs. nothing. Then more.
                 */
                @GenjaTask(name = "abbrev")
                public class Abbrev implements Task {
                """ + START + "}\n");
        Compilation compilation = Compilations.compile(file);
        assertThat(compilation).succeeded();
        assertThat(definition(compilation, "abbrev").description())
                .isEqualTo("Backs up configs, e.g. running and startup, i.e. both, etc. vs. nothing.");
        assertThat(catalog(compilation))
                .contains("\"Backs up configs, e.g. running and startup, i.e. both, etc. vs. nothing.\"");
    }

    private TaskDefinition definition(Compilation compilation, String name) throws IOException {
        URLClassLoader loader = Compilations.load(compilation, Files.createTempDirectory(temp, "out"));
        return TaskCatalog.load(loader).find(name).orElseThrow();
    }

    private static String catalog(Compilation compilation) throws IOException {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/genja/task-catalog.json")
                .orElseThrow().getCharContent(true).toString();
    }

    /** {@code text} as the inside of a JSON string, as the catalog writes it. */
    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** {@code text} as the inside of a Java string literal. */
    private static String javaLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
