package io.genja.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second compilation into the same output folder (as an incremental build recompiling some sources) keeps the
 * earlier services entries whose classes still exist and drops those whose classes are gone.
 */
class IncrementalCompileTest {

    private static final String SERVICES = "META-INF/services/io.genja.task.TaskDefinition";

    @TempDir
    Path temp;

    @Test
    void servicesFileIsMergedWithTheEarlierCompilationsEntries() throws IOException {
        Path out = Files.createDirectories(temp.resolve("classes"));
        compile(out, write("First", Fixtures.IMPORTS + taskCode("First", "first")));
        assertThat(Files.readString(out.resolve(SERVICES))).isEqualTo("com.acme.First_GenjaAdapter\n");

        // an entry left by a class deleted since then
        Files.writeString(out.resolve(SERVICES), "com.acme.First_GenjaAdapter\ncom.acme.Gone_GenjaAdapter\n");
        compile(out, write("Second", Fixtures.IMPORTS + taskCode("Second", "second")));
        assertThat(Files.readString(out.resolve(SERVICES)))
                .isEqualTo("com.acme.First_GenjaAdapter\ncom.acme.Second_GenjaAdapter\n");
    }

    private static String taskCode(String simpleName, String name) {
        return "@GenjaTask(name = \"" + name + "\")\npublic class " + simpleName + " implements Task {\n"
                + Fixtures.START + "}\n";
    }

    private Path write(String simpleName, String code) throws IOException {
        Path file = temp.resolve("src").resolve(simpleName + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, code);
    }

    /** javac -d out -cp out:<test class path> source, with the Genja processor, as a build tool would run it. */
    private static void compile(Path out, Path source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            files.setLocation(StandardLocation.CLASS_PATH, Compilations.classPathWith(out));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, List.of(), null,
                    files.getJavaFileObjects(source));
            task.setProcessors(List.of(new GenjaProcessor()));
            boolean ok = task.call();
            assertThat(ok).as("compilation of %s: %s", source, diagnostics.getDiagnostics().stream()
                    .map(Object::toString).collect(Collectors.joining("\n"))).isTrue();
        }
    }
}
