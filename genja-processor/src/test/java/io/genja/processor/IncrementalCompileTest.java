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
 * earlier services entries whose classes still exist and drops those whose classes are gone; a partial compilation
 * (only the changed files, as IDEs and {@code useIncrementalCompilation=false} do) leaves the catalog and the
 * services file as a full build would.
 */
class IncrementalCompileTest {

    private static final String SERVICES = "META-INF/services/io.genja.task.TaskDefinition";
    private static final String CATALOG = "META-INF/genja/task-catalog.json";

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

    @Test
    void partialCompilationOfAnEditedTaskKeepsTheCatalogAndServicesOfAFullBuild() throws IOException {
        Path out = fullBuild("partial", task("First", "first", "One."), task("Second", "second", "Two."),
                task("Third", "third", "Three."));
        // only the edited file is compiled, against the earlier output, into the same folder
        compile(out, write("Second", task("Second", "second", "Two, edited.")));

        Path full = fullBuild("full", task("First", "first", "One."), task("Second", "second", "Two, edited."),
                task("Third", "third", "Three."));
        assertSameCatalogAndServices(out, full);
        assertThat(Files.readString(out.resolve(CATALOG))).contains("Two, edited.").doesNotContain("\"Two.\"");
    }

    @Test
    void partialCompilationOfANewTaskAddsItToTheEarlierOnes() throws IOException {
        Path out = fullBuild("partial", task("First", "first", "One."), task("Second", "second", "Two."));
        compile(out, write("Third", task("Third", "third", "Three.")));

        Path full = fullBuild("full", task("First", "first", "One."), task("Second", "second", "Two."),
                task("Third", "third", "Three."));
        assertSameCatalogAndServices(out, full);
    }

    @Test
    void aTaskWhoseClassIsGoneLeavesTheCatalogAndTheServicesFile() throws IOException {
        Path out = fullBuild("partial", task("First", "first", "One."), task("Second", "second", "Two."),
                task("Third", "third", "Three."));
        // Third.java was deleted; the build tool removed its class file, but not (as Maven does) its adapter's
        Files.delete(out.resolve("com/acme/Third.class"));
        compile(out, write("First", task("First", "first", "One, edited.")));

        Path full = fullBuild("full", task("First", "first", "One, edited."), task("Second", "second", "Two."));
        assertSameCatalogAndServices(out, full);
        assertThat(Files.readString(out.resolve(CATALOG))).doesNotContain("third");
    }

    @Test
    void aClassNoLongerAnnotatedLeavesTheCatalogAndTheServicesFile() throws IOException {
        Path out = fullBuild("partial", task("First", "first", "One."), task("Second", "second", "Two."),
                task("Third", "third", "Three."));
        // javac runs the processor only when a compiled file carries one of its annotations: here Third does
        compile(out, write("Second", Fixtures.IMPORTS + "public class Second {\n}\n"),
                write("Third", task("Third", "third", "Three.")));

        Path full = fullBuild("full", task("First", "first", "One."), task("Third", "third", "Three."));
        assertSameCatalogAndServices(out, full);
    }

    @Test
    void classProcessedFromItsClassFileKeepsItsJavadocDescriptions() throws IOException {
        Path out = fullBuild("out", Fixtures.IMPORTS + """
                /** Saves the running config, e.g. to flash. More text. */
                @GenjaTask(name = "backup")
                public class Backup implements Task {
                    /** Where to save it. */
                    @TaskOption
                    public String target;
                """ + Fixtures.START + "}\n");
        String fullCatalog = Files.readString(out.resolve(CATALOG));
        assertThat(fullCatalog).contains("\"Saves the running config, e.g. to flash.\"", "\"Where to save it.\"");

        // as Gradle's incremental processing and javac -proc:only on a class name do: no source, so no Javadoc
        Path generated = Files.createDirectories(temp.resolve("generated"));
        compileClasses(out, generated, "com.acme.Backup");

        assertThat(Files.readString(out.resolve(CATALOG))).isEqualTo(fullCatalog);
        assertThat(Files.readString(generated.resolve("com/acme/Backup_GenjaAdapter.java")))
                .contains("return \"Saves the running config, e.g. to flash.\";", "\"Where to save it.\"");
    }

    @Test
    void partialCompilationOfARenamedTaskLeavesAnIndexThatKnowsOnlyTheNewName() throws IOException {
        Path out = fullBuild("partial", task("First", "first", "One."), task("Second", "second", "Two."));
        compile(out, write("Second", task("Second", "renamed", "Two.")));
        // the full build's index class still says "second"; the partial build's, next to it, says "renamed"
        try (var indexClasses = Files.list(out.resolve("io/genja/generated/index"))) {
            assertThat(indexClasses.filter(file -> file.toString().endsWith(".class")).count()).isEqualTo(2);
        }

        // a later compilation against that output knows the task by its new name alone
        JavaFileObject reusesOldName = Fixtures.task("Third", "second");
        com.google.testing.compile.CompilationSubject.assertThat(Compilations.compileAgainst(out, reusesOldName))
                .succeededWithoutWarnings();
        JavaFileObject reusesNewName = Fixtures.task("Third", "renamed");
        com.google.testing.compile.CompilationSubject.assertThat(Compilations.compileAgainst(out, reusesNewName))
                .hadErrorContaining("[genja.duplicate-name] task name \"renamed\" of com.acme.Third is already used by "
                        + "com.acme.Second on the class path");
    }

    private Path fullBuild(String folder, String... sources) throws IOException {
        Path out = Files.createDirectories(temp.resolve(folder));
        Path[] files = new Path[sources.length];
        for (int i = 0; i < sources.length; i++) {
            String simpleName = sources[i].replaceFirst("(?s).*public class (\\w+).*", "$1");
            files[i] = write(folder + "-src", simpleName, sources[i]);
        }
        compile(out, files);
        return out;
    }

    private static void assertSameCatalogAndServices(Path partial, Path full) throws IOException {
        assertThat(Files.readString(partial.resolve(CATALOG))).isEqualTo(Files.readString(full.resolve(CATALOG)));
        assertThat(Files.readString(partial.resolve(SERVICES))).isEqualTo(Files.readString(full.resolve(SERVICES)));
    }

    /** A task class with a Javadoc description. */
    private static String task(String simpleName, String name, String description) {
        return Fixtures.IMPORTS + "/** " + description + " */\n" + taskCode(simpleName, name);
    }

    private static String taskCode(String simpleName, String name) {
        return "@GenjaTask(name = \"" + name + "\")\npublic class " + simpleName + " implements Task {\n"
                + Fixtures.START + "}\n";
    }

    private Path write(String simpleName, String code) throws IOException {
        return write("src", simpleName, code);
    }

    private Path write(String folder, String simpleName, String code) throws IOException {
        Path file = temp.resolve(folder).resolve(simpleName + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, code);
    }

    /** javac -d out -cp out:<test class path> source, with the Genja processor, as a build tool would run it. */
    private static void compile(Path out, Path... sources) throws IOException {
        compile(out, null, List.of(), sources);
    }

    /** javac -proc:only -d out -s generated -cp out:<test class path> classNames: processes compiled classes. */
    private static void compileClasses(Path out, Path generated, String... classNames) throws IOException {
        compile(out, generated, List.of(classNames));
    }

    private static void compile(Path out, Path generated, List<String> classNames, Path... sources)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            files.setLocation(StandardLocation.CLASS_PATH, Compilations.classPathWith(out));
            if (generated != null) {
                files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            }
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    classNames.isEmpty() ? List.of() : List.of("-proc:only"), classNames.isEmpty() ? null : classNames,
                    sources.length == 0 ? null : files.getJavaFileObjects(sources));
            task.setProcessors(List.of(new GenjaProcessor()));
            boolean ok = task.call();
            assertThat(ok).as("compilation of %s%s: %s", classNames, List.of(sources), diagnostics.getDiagnostics().stream()
                    .map(Object::toString).collect(Collectors.joining("\n"))).isTrue();
        }
    }
}
