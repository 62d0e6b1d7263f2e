package io.genja.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's application as a Java module (a {@code module-info.java}), compiled by javac with the processor and
 * Genja's jars on the module path (automatic modules {@code genja.annotations}, {@code genja.runtime},
 * {@code genja.ssh}, whose index classes are in {@code io.genja.generated.index}), then run on the module path in
 * a fresh JVM through {@code Genja.run}: what docs/tasks.md ("Java modules") tells users to write.
 */
class ModularApplicationTest {

    /** Genja's jars that go on the module path, by module directory (and artifactId). */
    private static final List<String> ON_MODULE_PATH = List.of("genja-annotations", "genja-runtime", "genja-ssh");
    private static final Pattern GENJA_ENTRY = Pattern.compile(".*/(genja-[a-z]+)(?:/target/classes|-[^/]*\\.jar)/?$");

    private static final String MODULE_INFO = """
            module com.example.modular {
                requires genja.runtime;
                requires static genja.annotations;
            %s}
            """;
    private static final String PROVIDES = """
                provides io.genja.task.TaskDefinition
                        with com.example.modular.Hello_GenjaAdapter, com.example.modular.Uptime_GenjaAdapter;
            """;
    private static final Map<String, String> SOURCES = Map.of(
            "com/example/modular/Hello.java", """
                    package com.example.modular;

                    import io.genja.annotations.GenjaTask;
                    import io.genja.annotations.TaskOption;
                    import io.genja.inventory.Host;
                    import io.genja.task.HostTaskResult;
                    import io.genja.task.Task;
                    import io.genja.task.TaskRuntimeContext;
                    import io.genja.task.TaskSuccess;

                    /** Says hello from its module. */
                    @GenjaTask(name = "hello_module")
                    public class Hello implements Task {
                        @TaskOption(description = "who is greeted")
                        String greeting = "hello";

                        @Override
                        public HostTaskResult start(Host host, TaskRuntimeContext context) {
                            return HostTaskResult.passed(new TaskSuccess()
                                    .withSummary(greeting + " " + host.name() + " from " + getClass().getModule().getName()));
                        }
                    }
                    """,
            "com/example/modular/Uptime.java", """
                    package com.example.modular;

                    import io.genja.annotations.GenjaTask;
                    import io.genja.inventory.Host;
                    import io.genja.task.HostTaskResult;
                    import io.genja.task.Task;
                    import io.genja.task.TaskRuntimeContext;
                    import io.genja.task.TaskSuccess;

                    /** Reads the uptime: names the ssh plugin, which the processor finds in module genja.ssh. */
                    @GenjaTask(name = "uptime_module", connectionPluginName = "ssh")
                    public class Uptime implements Task {
                        @Override
                        public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
                            return HostTaskResult.passed(new TaskSuccess().withSummary(context.executeCommand("uptime")));
                        }
                    }
                    """,
            "com/example/modular/Main.java", """
                    package com.example.modular;

                    import io.genja.Genja;
                    import io.genja.inventory.Attributes;
                    import io.genja.inventory.Inventory;

                    public final class Main {
                        public static void main(String[] args) {
                            Inventory lab = Inventory.builder()
                                    .host("r1", Attributes.builder().hostname("192.0.2.1").build())
                                    .build();
                            try (Genja genja = Genja.builder(lab).build()) {
                                System.out.println(genja.run("hello_module").toJson());
                            }
                        }
                    }
                    """);

    private static final List<Path> modulePath = new ArrayList<>();
    private static final List<Path> classPath = new ArrayList<>();

    @BeforeAll
    static void splitTheClassPath(@TempDir Path jars) throws IOException {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            Matcher genja = GENJA_ENTRY.matcher(path.toString().replace(File.separatorChar, '/'));
            if (genja.matches() && ON_MODULE_PATH.contains(genja.group(1))) {
                // genja-runtime.jar is the automatic module genja.runtime, whatever the build named the jar
                modulePath.add(asJar(path, jars.resolve(genja.group(1) + ".jar")));
            } else {
                classPath.add(path);
            }
        }
        assertThat(modulePath).hasSize(ON_MODULE_PATH.size());
    }

    @Test
    void aModularApplicationCompilesLintCleanAndRunsItsTaskThroughGenjaRun(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes");
        Compilation compilation = compile(dir, MODULE_INFO.formatted(PROVIDES), classes);

        assertThat(compilation.succeeded()).as(compilation.output()).isTrue();
        assertThat(classes.resolve("io/genja/generated/index/com/example/modular")).as("its own index package")
                .isDirectory();
        assertThat(classes.resolve("io/genja/generated/index")).as("no class in the package genja.ssh holds")
                .isDirectoryNotContaining("glob:**/*.class");

        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", join(Stream.concat(Stream.of(classes), modulePath.stream()).toList()),
                "--class-path", join(classPath),
                "-m", "com.example.modular/com.example.modular.Main"));
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder(java).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the application finished within 2 minutes").isTrue();
        String output = Files.readString(out);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("hello r1 from com.example.modular");
    }

    @Test
    void aModuleThatDoesNotProvideTheAdaptersFailsToCompileWithTheDirectiveToWrite(@TempDir Path dir) throws Exception {
        Compilation compilation = compile(dir, MODULE_INFO.formatted(""), dir.resolve("classes"));

        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.output()).contains("module-info.java")
                .contains("[genja.module-provides] module com.example.modular must provide")
                .contains("provides io.genja.task.TaskDefinition with com.example.modular.Hello_GenjaAdapter, "
                        + "com.example.modular.Uptime_GenjaAdapter;");
    }

    private record Compilation(boolean succeeded, String output) {
    }

    private static Compilation compile(Path dir, String moduleInfo, Path classes) throws IOException {
        Path sources = dir.resolve("src");
        List<String> files = new ArrayList<>();
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("module-info.java"), moduleInfo);
        files.add(sources.resolve("module-info.java").toString());
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                // requires-automatic: Genja's jars are automatic modules, which this warning is about
                "-Xlint:all,-requires-automatic", "-Werror",
                "--module-path", join(modulePath), "--class-path", join(classPath),
                "-processorpath", System.getProperty("java.class.path"),
                "-processor", "io.genja.processor.GenjaProcessor"));
        arguments.addAll(files);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, output, output, arguments.toArray(String[]::new));
        return new Compilation(status == 0, output.toString(StandardCharsets.UTF_8));
    }

    /** The jar at {@code target}: a copy of {@code entry}, or made from it when it is a class folder. */
    private static Path asJar(Path entry, Path target) throws IOException {
        if (Files.isRegularFile(entry)) {
            return Files.copy(entry, target);
        }
        try (OutputStream file = Files.newOutputStream(target);
             JarOutputStream jar = new JarOutputStream(file);
             Stream<Path> files = Files.walk(entry)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(entry.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, jar);
                jar.closeEntry();
            }
        }
        return target;
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
