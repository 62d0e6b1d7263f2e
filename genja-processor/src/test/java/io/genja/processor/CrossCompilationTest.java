package io.genja.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.genja.processor.Compilations.compile;
import static io.genja.processor.Compilations.writeClassOutput;
import static io.genja.processor.Fixtures.plugin;
import static io.genja.processor.Fixtures.processor;
import static io.genja.processor.Fixtures.source;
import static io.genja.processor.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.genja.Genja;
import io.genja.GenjaException;
import io.genja.RunOptions;
import io.genja.inventory.Inventory;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskCatalog;
import io.genja.task.TaskResults;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
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

    /** A task base class in another package, as a shared library of tasks would publish it. */
    private static final String DEVICE_BASE = """
            public abstract class AbstractDeviceTask implements Task {
                /** Only say what would change. */
                @TaskOption
                public boolean dryRun;

                @TaskOption(required = true, description = "The site the device is in")
                public String site;
            }
            """;

    /** {@code com.acme.Reload}, a task that extends the compiled {@code com.acme.base.AbstractDeviceTask}. */
    private static JavaFileObject reload(String members) {
        return source("Reload", """
                @GenjaTask(name = "reload")
                public class Reload extends com.acme.base.AbstractDeviceTask {
                """ + members + """
                    @Override
                    public HostTaskResult start(Host host, TaskRuntimeContext context) {
                        return HostTaskResult.passed(new TaskSuccess().withResult(
                                "reload " + host.name() + " at " + site + (dryRun ? " (dry run)" : "") + " in " + delay + "s"));
                    }
                }
                """);
    }

    /** {@code base} compiled on its own, with the Genja processor or (a library built without it) without. */
    private Path compiledBase(String base, boolean withProcessor, String folder) {
        JavaFileObject file = source("com.acme.base", "AbstractDeviceTask", base);
        Compilation compilation = withProcessor ? compile(file) : Compiler.javac().compile(file);
        assertThat(compilation).succeededWithoutWarnings();
        return writeClassOutput(compilation, temp.resolve(folder));
    }

    @Test
    void superclassFromAClassFolderContributesItsOptionsToAdapterAndCatalog() {
        Compilation compilation = Compilations.compileAgainst(compiledBase(DEVICE_BASE, true, "base"),
                reload("    @TaskOption\n    int delay = 5;\n"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.Reload_GenjaAdapter").contentsAsUtf8String()
                .contains("""
                                if (dryRun != null) {
                                    reload.dryRun = dryRun;
                                }
                                reload.site = site;
                                if (delay != null) {
                                    reload.delay = delay;
                                }
                        """);
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/genja/task-catalog.json")
                .contentsAsUtf8String().contains("""
                              "options": [
                                {
                                  "name": "dry_run",
                                  "type": "boolean",
                                  "required": false,
                                  "description": ""
                                },
                                {
                                  "name": "site",
                                  "type": "java.lang.String",
                                  "required": true,
                                  "description": "The site the device is in"
                                },
                                {
                                  "name": "delay",
                                  "type": "int",
                                  "required": false,
                                  "description": ""
                                }
                              ],
                        """);
    }

    @Test
    void superclassFromAJarIsBoundAtRunTime() throws Exception {
        Path jar = jar(compiledBase(DEVICE_BASE, true, "base"), temp.resolve("base.jar"));
        Compilation compilation = Compilations.compileAgainst(jar, reload("    @TaskOption\n    int delay = 5;\n"));
        assertThat(compilation).succeededWithoutWarnings();
        Path output = writeClassOutput(compilation, temp.resolve("tasks"));
        Inventory hosts = Inventory.builder().host("r1").host("r2").build();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL(), jar.toUri().toURL()},
                CrossCompilationTest.class.getClassLoader());
             Genja genja = Genja.builder(hosts).catalog(TaskCatalog.load(loader)).build()) {
            TaskResults results = genja.run("reload", RunOptions.defaults().option("site", "dc1").option("dry_run", "yes"));
            assertThat(results.passedHosts()).containsExactly("r1", "r2");
            HostTaskResult r2 = results.hostResult("r2");
            assertThat(((HostTaskResult.Passed) r2).success().result()).isEqualTo("reload r2 at dc1 (dry run) in 5s");

            assertThatThrownBy(() -> genja.run("reload"))
                    .isInstanceOf(GenjaException.class)
                    .hasMessageContaining("task \"reload\" needs option \"site\"");
        }
    }

    @Test
    void problemInACompiledSuperclassIsReportedOnTheTaskThatInheritsIt() {
        Path base = compiledBase("""
                public abstract class AbstractDeviceTask implements Task {
                    @TaskOption
                    private boolean dryRun;

                    @TaskOption
                    protected String site;
                }
                """, false, "base");
        JavaFileObject file = reload("    @TaskOption\n    int delay = 5;\n    boolean dryRun;\n");
        Compilation compilation = Compilations.compileAgainst(base, file);
        assertThat(compilation).hadErrorContaining("[genja.option-private] @TaskOption field dryRun of com.acme.base.AbstractDeviceTask must not be private: the generated adapter of each task class that extends AbstractDeviceTask assigns it; make it public (package-private is enough when every such task is in package com.acme.base) (reported on com.acme.Reload, which inherits the field from a compiled class)")
                .inFile(file).onLineContaining("@GenjaTask(name = \"reload\")");
        assertThat(compilation).hadErrorContaining("[genja.option-inaccessible] @TaskOption field site of com.acme.base.AbstractDeviceTask is protected, so the generated adapter of @GenjaTask class com.acme.Reload, in package com.acme, cannot assign it; make the field public, or move AbstractDeviceTask into package com.acme (reported on com.acme.Reload, which inherits the field from a compiled class)")
                .inFile(file).onLineContaining("@GenjaTask(name = \"reload\")");
        // the hiding field is in this compilation: reported on it
        assertThat(compilation).hadErrorContaining("[genja.option-hidden] field dryRun of com.acme.Reload hides @TaskOption field dryRun of superclass com.acme.base.AbstractDeviceTask")
                .inFile(file).onLineContaining("    boolean dryRun;");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void sameTaskNameInTwoDependencyJarsIsAnErrorNamingBothJars() throws IOException {
        Path firstJar = dependencyJar("first-tasks", source("com.first", "Backup", "@GenjaTask(name = \"backup\")\n"
                + "public class Backup implements Task {\n" + Fixtures.START + "}\n"));
        Path secondJar = dependencyJar("second-tasks", source("com.second", "Saver", "@GenjaTask(name = \"backup\")\n"
                + "public class Saver implements Task {\n" + Fixtures.START + "}\n"));

        Compilation user = compileAgainstJars(List.of(firstJar, secondJar), task("Mine", "mine"));
        assertThat(user).hadErrorContaining("[genja.duplicate-name] task name \"backup\" is declared on the class "
                + "path by com.first.Backup (in " + firstJar.toUri().getPath() + ") and by com.second.Saver (in "
                + secondJar.toUri().getPath() + ")");
        assertThat(user).hadErrorCount(1);
    }

    @Test
    void sameConnectionPluginNameInTwoDependencyJarsIsAnErrorNamingBothJars() throws IOException {
        Path firstJar = dependencyJar("first-plugin", Fixtures.plugin("com.first", "LabPlugin", "lab"));
        Path secondJar = dependencyJar("second-plugin", Fixtures.plugin("com.second", "OtherLabPlugin", "lab"));

        Compilation user = compileAgainstJars(List.of(firstJar, secondJar),
                task("Mine", "@GenjaTask(name = \"mine\", connectionPluginName = \"lab\")", ""));
        assertThat(user).hadErrorContaining("[genja.duplicate-name] connection plugin name \"lab\" is declared on the "
                + "class path by com.first.LabPlugin (in " + firstJar.toUri().getPath() + ") and by "
                + "com.second.OtherLabPlugin (in " + secondJar.toUri().getPath() + ")");
        assertThat(user).hadErrorCount(1);

        Compilation lenient = Compiler.javac().withProcessors(new GenjaProcessor())
                .withClasspath(Compilations.classPathWith(List.of(firstJar, secondJar))).withOptions(List.of("-Agenja.validation=warning"))
                .compile(task("Mine", "@GenjaTask(name = \"mine\", connectionPluginName = \"lab\")", ""));
        assertThat(lenient).succeeded();
        assertThat(lenient).hadWarningContaining("[genja.duplicate-name] connection plugin name \"lab\"");
    }

    /** {@code sources} compiled with the processor and packed into {@code <name>.jar}, as a published dependency. */
    private Path dependencyJar(String name, JavaFileObject... sources) throws IOException {
        Compilation compilation = compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        return jar(writeClassOutput(compilation, temp.resolve(name)), temp.resolve(name + ".jar"));
    }

    private static Compilation compileAgainstJars(List<Path> jars, JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new GenjaProcessor()).withClasspath(Compilations.classPathWith(jars)).compile(sources);
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
