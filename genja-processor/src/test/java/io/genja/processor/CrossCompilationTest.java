package io.genja.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.genja.processor.Compilations.compile;
import static io.genja.processor.Compilations.writeClassOutput;
import static io.genja.processor.Fixtures.plugin;
import static io.genja.processor.Fixtures.processor;
import static io.genja.processor.Fixtures.task;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin compiled in one compilation is known to tasks compiled later against its output, through the
 * {@code io.genja.generated.index} classes: from a class folder (a reactor build) and from a jar (a published
 * dependency).
 */
class CrossCompilationTest {

    @TempDir
    Path temp;

    private Path compiledPlugins() {
        Compilation plugins = compile(plugin("SshPlugin", "ssh"), processor("AuditProcessor", "audit"),
                task("Shared", "@GenjaTask(name = \"shared\")", ""));
        assertThat(plugins).succeededWithoutWarnings();
        return writeClassOutput(plugins, temp.resolve("plugins"));
    }

    @Test
    void taskNamingAPluginOfAnotherCompilationCompiles() {
        JavaFileObject file = task("BackupConfig", "@GenjaTask(name = \"backup_config\", connectionPluginName = \"ssh\")", "");
        assertThat(Compilations.compileAgainst(compiledPlugins(), file)).succeededWithoutWarnings();
    }

    @Test
    void misspeltPluginOfAnotherCompilationFailsOnTheAnnotationLineWithASuggestion() {
        JavaFileObject file = task("BackupConfig", """
                @GenjaTask(name = "backup_config",
                        connectionPluginName = "shh")""", "");
        Compilation compilation = Compilations.compileAgainst(compiledPlugins(), file);
        assertThat(compilation).hadErrorContaining("names connection plugin \"shh\", which is not known. Known: ssh. Did you mean \"ssh\"?")
                .inFile(file).onLineContaining("connectionPluginName = \"shh\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void indexIsFoundInAJarToo() throws IOException {
        Path jar = jar(compiledPlugins(), temp.resolve("plugins.jar"));
        JavaFileObject good = task("BackupConfig", "@GenjaTask(name = \"backup_config\", connectionPluginName = \"ssh\", processors = \"audit\")", "");
        assertThat(Compilations.compileAgainst(jar, good)).succeededWithoutWarnings();

        JavaFileObject bad = task("Audited", "@GenjaTask(name = \"audited\", processors = \"audti\")", "");
        assertThat(Compilations.compileAgainst(jar, bad)).hadErrorContaining("names processor \"audti\", which is not known. Known: audit. Did you mean \"audit\"?")
                .inFile(bad).onLineContaining("processors = \"audti\"");
    }

    @Test
    void subTaskFromAnotherCompilationIsReadFromItsClassFile() {
        JavaFileObject file = task("Parent", "@GenjaTask(name = \"parent\", subTasks = Shared.class)", "");
        Compilation compilation = Compilations.compileAgainst(compiledPlugins(), file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.Parent_GenjaAdapter").contentsAsUtf8String()
                .contains("return List.of(\"shared\");");
    }

    @Test
    void taskNameUsedOnTheClassPathIsADuplicate() {
        JavaFileObject file = task("Again", "@GenjaTask(name = \"shared\")", "");
        assertThat(Compilations.compileAgainst(compiledPlugins(), file))
                .hadErrorContaining("[genja.duplicate-name] task name \"shared\" of com.acme.Again is already used by com.acme.Shared on the class path")
                .inFile(file).onLineContaining("@GenjaTask(name = \"shared\")");
    }

    @Test
    void pluginNameUsedOnTheClassPathIsADuplicateUnlessValidationIsAWarning() {
        JavaFileObject file = plugin("MySsh", "ssh");
        Path plugins = compiledPlugins();
        assertThat(Compilations.compileAgainst(plugins, file))
                .hadErrorContaining("connection plugin name \"ssh\" of com.acme.MySsh is already used by com.acme.SshPlugin on the class path")
                .inFile(file).onLineContaining("@GenjaConnectionPlugin(name = \"ssh\")");

        Compilation lenient = Compiler.javac().withProcessors(new GenjaProcessor())
                .withClasspath(Compilations.classPathWith(plugins)).withOptions(List.of("-Agenja.validation=warning"))
                .compile(file);
        assertThat(lenient).succeeded();
        assertThat(lenient).hadWarningContaining("[genja.duplicate-name]").inFile(file)
                .onLineContaining("@GenjaConnectionPlugin(name = \"ssh\")");
    }

    /** Packs {@code folder} into a jar, as {@code mvn package} would. */
    private static Path jar(Path folder, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(folder.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
