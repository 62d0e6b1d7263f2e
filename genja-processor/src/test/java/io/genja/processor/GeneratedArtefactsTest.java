package io.genja.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.genja.processor.Compilations.compile;
import static io.genja.processor.Fixtures.plugin;
import static io.genja.processor.Fixtures.processor;
import static io.genja.processor.Fixtures.source;
import static io.genja.processor.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Each artefact the processor writes, from a passing compilation: adapters, services files, catalog, index. */
class GeneratedArtefactsTest {

    /** A task using every feature: plugin, processor, sub-task, Javadoc description and options of each kind. */
    static final JavaFileObject BACKUP_CONFIG = source("BackupConfig", """
            import java.nio.file.Path;
            import java.time.Duration;
            import java.util.List;

            /**
             * Backs up the {@code running-config} of each device. One file per host is written to the target folder.
             */
            @GenjaTask(name = "backup_config", connectionPluginName = "ssh", processors = "audit",
                    subTasks = SaveDiff.class)
            public class BackupConfig implements Task {

                /** How much to back up. */
                public enum Scope { RUNNING, STARTUP }

                /** Where the files go. */
                @TaskOption(required = true)
                Path targetDir;

                @TaskOption(description = "Stop after this many lines")
                int maxLines = 10_000;

                @TaskOption
                Scope scope = Scope.RUNNING;

                @TaskOption(name = "timeout")
                Duration commandTimeout = Duration.ofSeconds(30);

                @TaskOption
                List<String> extraCommands = List.of();

                @TaskOption
                Boolean compress;

                @Override
                public HostTaskResult start(Host host, TaskRuntimeContext context) throws Exception {
                    return HostTaskResult.passed(new TaskSuccess().withResult(context.executeCommand("show running-config")));
                }
            }
            """);

    static final JavaFileObject SAVE_DIFF = task("SaveDiff", "save_diff");

    static final JavaFileObject NESTED_ASYNC = source("Checks", """
            public final class Checks {
                private Checks() {
                }

                @GenjaTask(name = "ping", description = "Says \\"pong\\"\\tback")
                public static final class Ping implements AsyncTask {
                    @Override
                    public CompletionStage<HostTaskResult> startAsync(Host host, TaskRuntimeContext context) {
                        return java.util.concurrent.CompletableFuture.completedFuture(
                                HostTaskResult.passed(new TaskSuccess().withSummary("pong")));
                    }
                }
            }
            """);

    private static Compilation compileAll() {
        Compilation compilation = compile(BACKUP_CONFIG, SAVE_DIFF, NESTED_ASYNC, plugin("Ssh", "ssh"),
                processor("Audit", "audit"));
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    @Test
    void adapterMatchesTheGoldenFile() throws IOException {
        Golden.assertMatches("BackupConfig_GenjaAdapter.java", generatedSource(compileAll(), "com.acme.BackupConfig_GenjaAdapter"));
    }

    @Test
    void asyncNestedTaskAdapterMatchesTheGoldenFile() throws IOException {
        Golden.assertMatches("Checks_Ping_GenjaAdapter.java", generatedSource(compileAll(), "com.acme.Checks_Ping_GenjaAdapter"));
    }

    @Test
    void servicesFilesListEveryAnnotatedClassOnce() {
        Compilation compilation = compileAll();
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.genja.task.TaskDefinition")
                .contentsAsUtf8String().isEqualTo("""
                        com.acme.BackupConfig_GenjaAdapter
                        com.acme.Checks_Ping_GenjaAdapter
                        com.acme.SaveDiff_GenjaAdapter
                        """);
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.genja.connection.ConnectionPlugin")
                .contentsAsUtf8String().isEqualTo("com.acme.Ssh\n");
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.genja.task.TaskProcessor")
                .contentsAsUtf8String().isEqualTo("com.acme.Audit\n");
    }

    @Test
    void nestedPluginIsListedByItsBinaryName() {
        Compilation compilation = compile(source("Plugins", """
                public final class Plugins {
                    @GenjaConnectionPlugin(name = "loopback")
                    public static class Loopback implements ConnectionPlugin {
                        public String name() {
                            return "loopback";
                        }

                        public Connection create(ConnectionKey key) {
                            throw new UnsupportedOperationException();
                        }
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.genja.connection.ConnectionPlugin")
                .contentsAsUtf8String().isEqualTo("com.acme.Plugins$Loopback\n");
    }

    @Test
    void catalogListsInheritedOptionsBeforeTheTasksOwn() {
        Compilation compilation = compile(source("AbstractDeviceTask", """
                public abstract class AbstractDeviceTask implements Task {
                    /** Only say what would change. */
                    @TaskOption
                    boolean dryRun;
                }
                """), source("Reload", """
                /** Reloads the device. */
                @GenjaTask(name = "reload")
                public class Reload extends AbstractDeviceTask {
                    @TaskOption(required = true)
                    int delay;
                """ + Fixtures.START + "}\n"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/genja/task-catalog.json")
                .contentsAsUtf8String().isEqualTo("""
                        {
                          "tasks": [
                            {
                              "name": "reload",
                              "class": "com.acme.Reload",
                              "connectionPlugin": null,
                              "processors": [],
                              "subTasks": [],
                              "supportsDryRun": false,
                              "options": [
                                {
                                  "name": "dry_run",
                                  "type": "boolean",
                                  "required": false,
                                  "description": "Only say what would change."
                                },
                                {
                                  "name": "delay",
                                  "type": "int",
                                  "required": true,
                                  "description": ""
                                }
                              ],
                              "description": "Reloads the device."
                            }
                          ]
                        }
                        """);
        assertThat(compilation).generatedSourceFile("com.acme.Reload_GenjaAdapter").contentsAsUtf8String()
                .contains("reload.dryRun = dryRun;");
    }

    @Test
    void catalogDescribesEveryTaskSortedByName() {
        assertThat(compileAll()).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/genja/task-catalog.json")
                .contentsAsUtf8String().isEqualTo("""
                        {
                          "tasks": [
                            {
                              "name": "backup_config",
                              "class": "com.acme.BackupConfig",
                              "connectionPlugin": "ssh",
                              "processors": [
                                "audit"
                              ],
                              "subTasks": [
                                "save_diff"
                              ],
                              "supportsDryRun": false,
                              "options": [
                                {
                                  "name": "target_dir",
                                  "type": "java.nio.file.Path",
                                  "required": true,
                                  "description": "Where the files go."
                                },
                                {
                                  "name": "max_lines",
                                  "type": "int",
                                  "required": false,
                                  "description": "Stop after this many lines"
                                },
                                {
                                  "name": "scope",
                                  "type": "com.acme.BackupConfig.Scope",
                                  "required": false,
                                  "description": ""
                                },
                                {
                                  "name": "timeout",
                                  "type": "java.time.Duration",
                                  "required": false,
                                  "description": ""
                                },
                                {
                                  "name": "extra_commands",
                                  "type": "java.util.List<java.lang.String>",
                                  "required": false,
                                  "description": ""
                                },
                                {
                                  "name": "compress",
                                  "type": "java.lang.Boolean",
                                  "required": false,
                                  "description": ""
                                }
                              ],
                              "description": "Backs up the running-config of each device."
                            },
                            {
                              "name": "ping",
                              "class": "com.acme.Checks$Ping",
                              "connectionPlugin": null,
                              "processors": [],
                              "subTasks": [],
                              "supportsDryRun": false,
                              "options": [],
                              "description": "Says \\"pong\\"\\tback"
                            },
                            {
                              "name": "save_diff",
                              "class": "com.acme.SaveDiff",
                              "connectionPlugin": null,
                              "processors": [],
                              "subTasks": [],
                              "supportsDryRun": false,
                              "options": [],
                              "description": ""
                            }
                          ]
                        }
                        """);
    }

    @Test
    void indexHasOneClassPerRoundWithAnEntryPerTaskPluginAndProcessor() {
        Compilation compilation = compileAll();
        List<String> index = compilation.generatedSourceFiles().stream()
                .map(file -> file.toUri().getPath())
                .filter(path -> path.startsWith("/SOURCE_OUTPUT/io/genja/generated/index/"))
                .map(path -> path.substring(path.lastIndexOf('/') + 1))
                .toList();
        assertThat(index).singleElement().asString().matches("GenjaIndex_[0-9a-f]{12}\\.java");

        String entries = indexSource(compilation, "GenjaIndex_");
        assertThat(entries).contains("package io.genja.generated.index;")
                .contains("@Generated(\"io.genja.processor.GenjaProcessor\")")
                .contains("public final class GenjaIndex_");
        assertThat(entries.lines().filter(line -> line.contains("@GenjaIndexEntry(")).count()).isEqualTo(5);
        assertThat(entries)
                .containsIgnoringWhitespaces("@GenjaIndexEntry(kind = GenjaIndexEntry.Kind.CONNECTION_PLUGIN, name = \"ssh\", type = \"com.acme.Ssh\")")
                .containsIgnoringWhitespaces("@GenjaIndexEntry(kind = GenjaIndexEntry.Kind.PROCESSOR, name = \"audit\", type = \"com.acme.Audit\")")
                .containsIgnoringWhitespaces("kind = GenjaIndexEntry.Kind.TASK, name = \"ping\", type = \"com.acme.Checks.Ping\"")
                .containsIgnoringWhitespaces("kind = GenjaIndexEntry.Kind.TASK, name = \"backup_config\", type = \"com.acme.BackupConfig\"")
                .containsIgnoringWhitespaces("kind = GenjaIndexEntry.Kind.TASK, name = \"save_diff\", type = \"com.acme.SaveDiff\"");
    }

    @Test
    void indexClassNamesAreTheSameInEveryCompilation() {
        List<String> first = indexNames(compileAll());
        List<String> second = indexNames(compileAll());
        assertThat(first).isEqualTo(second);
    }

    private static List<String> indexNames(Compilation compilation) {
        return compilation.generatedSourceFiles().stream().map(f -> f.toUri().getPath())
                .filter(p -> p.contains("/io/genja/generated/index/")).sorted().toList();
    }

    private static String indexSource(Compilation compilation, String prefix) {
        return compilation.generatedSourceFiles().stream()
                .filter(file -> file.toUri().getPath().contains("/io/genja/generated/index/" + prefix))
                .findFirst()
                .map(GeneratedArtefactsTest::contents)
                .orElseThrow();
    }

    static String generatedSource(Compilation compilation, String className) {
        return contents(compilation.generatedSourceFile(className).orElseThrow());
    }

    private static String contents(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
