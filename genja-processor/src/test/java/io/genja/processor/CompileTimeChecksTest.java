package io.genja.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.genja.processor.Compilations.compile;
import static io.genja.processor.Fixtures.START;
import static io.genja.processor.Fixtures.plugin;
import static io.genja.processor.Fixtures.processor;
import static io.genja.processor.Fixtures.source;
import static io.genja.processor.Fixtures.task;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.genja.annotations.GenjaTask;
import java.io.File;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every check of DESIGN §4: a failing compilation, its message, and the file and line it is reported on. */
class CompileTimeChecksTest {

    @Nested
    class TaskClassShape {

        @Test
        void classMustBePublic() {
            JavaFileObject file = source("Hidden", """
                    @GenjaTask(name = "hidden")
                    class Hidden implements Task {
                    """ + START + "}\n");
            assertThat(compile(file)).hadErrorContaining("[genja.not-public] @GenjaTask class com.acme.Hidden must be public")
                    .inFile(file).onLineContaining("@GenjaTask(name = \"hidden\")");
        }

        @Test
        void classMustNotBeAbstract() {
            JavaFileObject file = source("Base", """
                    @GenjaTask(name = "base")
                    public abstract class Base implements Task {
                    }
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.abstract] @GenjaTask class com.acme.Base must not be abstract")
                    .inFile(file).onLineContaining("@GenjaTask(name = \"base\")");
        }

        @Test
        void nestedClassMustBeStatic() {
            JavaFileObject file = source("Outer", """
                    public class Outer {
                        @GenjaTask(name = "inner")
                        public class Inner implements Task {
                    """ + START + """
                        }
                    }
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.inner-class] @GenjaTask class com.acme.Outer.Inner must be a top-level or static nested class")
                    .inFile(file).onLineContaining("@GenjaTask(name = \"inner\")");
        }

        @Test
        void classMustNotBeGeneric() {
            JavaFileObject file = source("Generic", """
                    @GenjaTask(name = "generic")
                    public class Generic<T> implements Task {
                    """ + START + "}\n");
            assertThat(compile(file)).hadErrorContaining("[genja.generic-class] @GenjaTask class com.acme.Generic must not have type parameters")
                    .inFile(file).onLineContaining("@GenjaTask(name = \"generic\")");
        }

        @Test
        void classNeedsAPublicNoArgConstructor() {
            JavaFileObject file = task("NeedsArg", "@GenjaTask(name = \"needs_arg\")", """
                        public NeedsArg(String host) {
                        }
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.no-constructor] @GenjaTask class com.acme.NeedsArg needs a public constructor without parameters")
                    .inFile(file).onLineContaining("@GenjaTask(name = \"needs_arg\")");
        }

        @Test
        void classMustImplementTaskOrAsyncTask() {
            JavaFileObject file = source("Plain", """
                    @GenjaTask(name = "plain")
                    public class Plain {
                    }
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.not-a-task] @GenjaTask class com.acme.Plain implements neither io.genja.task.Task nor io.genja.task.AsyncTask")
                    .inFile(file).onLineContaining("@GenjaTask(name = \"plain\")");
        }

        @Test
        void classMustNotImplementBoth() {
            JavaFileObject file = source("Both", """
                    @GenjaTask(name = "both")
                    public class Both implements Task, AsyncTask {
                    """ + START + """
                        @Override
                        public CompletionStage<HostTaskResult> startAsync(Host host, TaskRuntimeContext context) {
                            return null;
                        }
                    }
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.task-and-async-task] @GenjaTask class com.acme.Both implements both")
                    .inFile(file).onLineContaining("@GenjaTask(name = \"both\")");
        }
    }

    @Test
    void runtimeMissingFromTheClassPathIsNamed() throws Exception {
        JavaFileObject file = Compilations.source("com.acme.Lonely", """
                package com.acme;

                @io.genja.annotations.GenjaTask(name = "lonely")
                public class Lonely {
                }
                """);
        File annotationsOnly = new File(GenjaTask.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Compilation compilation = Compiler.javac().withProcessors(new GenjaProcessor())
                .withClasspath(List.of(annotationsOnly)).compile(file);
        assertThat(compilation).hadErrorContaining("[genja.runtime-missing] io.genja.task.Task is not on the compile class path; add a dependency on io.genja:genja-runtime")
                .inFile(file).onLineContaining("@io.genja.annotations.GenjaTask(name = \"lonely\")");
    }

    @Nested
    class TaskNames {

        @Test
        void nameMustNotBeBlank() {
            JavaFileObject file = task("Blank", "@GenjaTask(name = \"  \")", "");
            assertThat(compile(file)).hadErrorContaining("[genja.blank-name] @GenjaTask class com.acme.Blank needs a non-blank name")
                    .inFile(file).onLineContaining("@GenjaTask(name = \"  \")");
        }

        @Test
        void nameMustBeMadeOfAllowedCharacters() {
            JavaFileObject file = task("Spaced", "@GenjaTask(\n        name = \"backup config\")", "");
            assertThat(compile(file)).hadErrorContaining("[genja.invalid-name] task name \"backup config\" of com.acme.Spaced may only contain letters, digits, '_', '.' and '-'")
                    .inFile(file).onLineContaining("name = \"backup config\"");
        }

        @Test
        void nameMustBeUniqueInTheCompilation() {
            JavaFileObject first = task("First", "@GenjaTask(name = \"same\")", "");
            JavaFileObject second = task("Second", "@GenjaTask(name = \"same\")", "");
            Compilation compilation = compile(first, second);
            assertThat(compilation).hadErrorContaining("[genja.duplicate-name] task name \"same\" of com.acme.Second is already used by com.acme.First in this compilation")
                    .inFile(second).onLineContaining("@GenjaTask(name = \"same\")");
            assertThat(compilation).hadErrorContaining("of com.acme.First is already used by com.acme.Second")
                    .inFile(first).onLineContaining("@GenjaTask(name = \"same\")");
        }
    }

    @Nested
    class NamedReferences {

        @Test
        void unknownConnectionPluginIsReportedOnItsValueWithASuggestion() {
            JavaFileObject file = task("BackupConfig", """
                    @GenjaTask(name = "backup_config",
                            connectionPluginName = "shh")""", "");
            Compilation compilation = compile(file, plugin("Ssh", "ssh"), plugin("Netconf", "netconf"));
            assertThat(compilation).hadErrorContaining("[genja.unknown-plugin] task \"backup_config\" names connection plugin \"shh\", which is not known. Known: netconf, ssh. Did you mean \"ssh\"?")
                    .inFile(file).onLineContaining("connectionPluginName = \"shh\"");
            assertThat(compilation).hadErrorCount(1);
        }

        @Test
        void unknownConnectionPluginWithNothingCloseSaysHowToDeclareOne() {
            JavaFileObject file = task("Snmp", "@GenjaTask(name = \"snmp_walk\", connectionPluginName = \"snmp\")", "");
            assertThat(compile(file)).hadErrorContaining("names connection plugin \"snmp\", which is not known. Known: none. Check the spelling; a plugin registered only at run time can be declared with -Agenja.connectionPlugins=snmp.")
                    .inFile(file).onLineContaining("connectionPluginName = \"snmp\"");
        }

        @Test
        void pluginsDeclaredWithAnOptionAreKnown() {
            JavaFileObject file = task("Snmp", "@GenjaTask(name = \"snmp_walk\", connectionPluginName = \"snmp\")", "");
            assertThat(compile(List.of("-Agenja.connectionPlugins=netconf, snmp"), file)).succeededWithoutWarnings();
        }

        @Test
        void validationWarningTurnsNameChecksIntoWarnings() {
            JavaFileObject file = task("Snmp", "@GenjaTask(name = \"snmp_walk\", connectionPluginName = \"snmp\")", "");
            Compilation compilation = compile(List.of("-Agenja.validation=warning"), file);
            assertThat(compilation).succeeded();
            assertThat(compilation).hadWarningContaining("[genja.unknown-plugin]")
                    .inFile(file).onLineContaining("connectionPluginName = \"snmp\"");
        }

        @Test
        void unknownValidationModeIsAnError() {
            assertThat(compile(List.of("-Agenja.validation=loose"), task("Ok", "ok")))
                    .hadErrorContaining("[genja.bad-option] -Agenja.validation=loose is not valid; expected error or warning");
        }

        @Test
        void unknownProcessorIsReportedOnItsArrayEntry() {
            JavaFileObject file = task("Audited", """
                    @GenjaTask(name = "audited", processors = {
                            "audit",
                            "metrix"})""", "");
            Compilation compilation = compile(file, processor("Audit", "audit"), processor("Metrics", "metrics"));
            assertThat(compilation).hadErrorContaining("[genja.unknown-processor] task \"audited\" names processor \"metrix\", which is not known. Known: audit, metrics. Did you mean \"metrics\"?")
                    .inFile(file).onLineContaining("\"metrix\"})");
            assertThat(compilation).hadErrorCount(1);
        }

        @Test
        void processorsDeclaredWithAnOptionAreKnown() {
            JavaFileObject file = task("Audited", "@GenjaTask(name = \"audited\", processors = \"audit\")", "");
            assertThat(compile(List.of("-Agenja.processors=audit"), file)).succeededWithoutWarnings();
        }
    }

    @Nested
    class SubTasks {

        @Test
        void subTaskMustBeAGenjaTask() {
            JavaFileObject helper = source("Helper", "public class Helper {\n}\n");
            JavaFileObject file = task("Parent", """
                    @GenjaTask(name = "parent", subTasks = {
                            Helper.class})""", "");
            assertThat(compile(file, helper)).hadErrorContaining("[genja.not-a-sub-task] task \"parent\" lists sub-task com.acme.Helper, which is not annotated @GenjaTask")
                    .inFile(file).onLineContaining("Helper.class})");
        }

        @Test
        void subTaskCycleIsReportedWithTheCycle() {
            JavaFileObject a = task("A", "@GenjaTask(name = \"a\", subTasks = B.class)", "");
            JavaFileObject b = task("B", "@GenjaTask(name = \"b\", subTasks = C.class)", "");
            JavaFileObject c = task("C", "@GenjaTask(name = \"c\", subTasks = A.class)", "");
            Compilation compilation = compile(a, b, c);
            assertThat(compilation).hadErrorContaining("[genja.sub-task-cycle] task \"a\" is part of a sub-task cycle: a -> b -> c -> a")
                    .inFile(a).onLineContaining("subTasks = B.class");
            assertThat(compilation).hadErrorContaining("task \"c\" is part of a sub-task cycle: c -> a -> b -> c")
                    .inFile(c).onLineContaining("subTasks = A.class");
        }

        @Test
        void taskThatIsItsOwnSubTaskIsACycle() {
            JavaFileObject file = task("Loop", "@GenjaTask(name = \"loop\", subTasks = Loop.class)", "");
            assertThat(compile(file)).hadErrorContaining("sub-task cycle: loop -> loop")
                    .inFile(file).onLineContaining("subTasks = Loop.class");
        }
    }

    @Nested
    class Options {

        @Test
        void optionFieldMustNotBeStatic() {
            JavaFileObject file = task("Opt", "@GenjaTask(name = \"opt\")", "    @TaskOption static String shared;\n");
            assertThat(compile(file)).hadErrorContaining("[genja.option-static] @TaskOption field shared of com.acme.Opt must not be static")
                    .inFile(file).onLineContaining("static String shared;");
        }

        @Test
        void optionFieldMustNotBeFinal() {
            JavaFileObject file = task("Opt", "@GenjaTask(name = \"opt\")", "    @TaskOption final String fixed = \"x\";\n");
            assertThat(compile(file)).hadErrorContaining("[genja.option-final] @TaskOption field fixed of com.acme.Opt must not be final")
                    .inFile(file).onLineContaining("final String fixed");
        }

        @Test
        void optionFieldMustNotBePrivate() {
            JavaFileObject file = task("Opt", "@GenjaTask(name = \"opt\")", "    @TaskOption private String secret;\n");
            assertThat(compile(file)).hadErrorContaining("[genja.option-private] @TaskOption field secret of com.acme.Opt must not be private: Genja assigns it on each new task object from the generated adapter; make it package-private")
                    .inFile(file).onLineContaining("private String secret;");
        }

        @Test
        void optionFieldMustHaveASupportedType() {
            JavaFileObject file = task("Opt", "@GenjaTask(name = \"opt\")", "    @TaskOption java.util.Map<String, String> headers;\n");
            assertThat(compile(file)).hadErrorContaining("[genja.option-type] @TaskOption field headers of com.acme.Opt has type java.util.Map<java.lang.String,java.lang.String>, which Genja cannot convert options to. Supported: String, boolean")
                    .inFile(file).onLineContaining("headers;");
        }

        @Test
        void optionTypeMustNotBePrivate() {
            JavaFileObject file = task("Opt", "@GenjaTask(name = \"opt\")", """
                        private enum Mode { FAST, SAFE }

                        @TaskOption Mode mode;
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.option-type-private] @TaskOption field mode of com.acme.Opt has type com.acme.Opt.Mode, which is private")
                    .inFile(file).onLineContaining("Mode mode;");
        }

        @Test
        void listOptionMustBeAListOfStrings() {
            JavaFileObject file = task("Opt", "@GenjaTask(name = \"opt\")", "    @TaskOption java.util.List<Integer> ports;\n");
            assertThat(compile(file)).hadErrorContaining("[genja.option-type] @TaskOption field ports")
                    .inFile(file).onLineContaining("ports;");
        }

        @Test
        void optionNameMustBeValid() {
            JavaFileObject file = task("Opt", "@GenjaTask(name = \"opt\")", "    @TaskOption(name = \"max lines\") int maxLines;\n");
            assertThat(compile(file)).hadErrorContaining("[genja.option-name] option name \"max lines\" of field maxLines in com.acme.Opt")
                    .inFile(file).onLineContaining("\"max lines\"");
        }

        @Test
        void optionNamesMustBeUniquePerTask() {
            JavaFileObject file = task("Opt", "@GenjaTask(name = \"opt\")", """
                        @TaskOption int maxLines;
                        @TaskOption(name = "max_lines") long limit;
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.duplicate-option] option name \"max_lines\" of field limit in com.acme.Opt is also used by field maxLines")
                    .inFile(file).onLineContaining("long limit;");
        }

        @Test
        void optionOnAFinalClassIsOutsideAnyTask() {
            JavaFileObject file = source("Settings", """
                    public final class Settings {
                        @TaskOption String region;
                    }
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.option-outside-task] @TaskOption field region is in com.acme.Settings, a final class, which can be neither a @GenjaTask nor the superclass of one; options are bound only on task classes and their superclasses. Move the field into the task class, or remove 'final' so tasks can extend Settings")
                    .inFile(file).onLineContaining("String region;");
        }

        @Test
        void optionOnARecordEnumOrInterfaceIsOutsideAnyTask() {
            JavaFileObject file = source("Holders", """
                    public class Holders {
                        public record Pair(String a, String b) {
                            @TaskOption static String fromRecord;
                        }

                        public enum Mode {
                            FAST;
                            @TaskOption String fromEnum;
                        }

                        public interface Defaults {
                            @TaskOption String FROM_INTERFACE = "x";
                        }
                    }
                    """);
            Compilation compilation = compile(file);
            assertThat(compilation).hadErrorContaining("[genja.option-outside-task] @TaskOption field fromRecord is in com.acme.Holders.Pair, a record, which can be neither")
                    .inFile(file).onLineContaining("String fromRecord;");
            assertThat(compilation).hadErrorContaining("[genja.option-outside-task] @TaskOption field fromEnum is in com.acme.Holders.Mode, an enum,")
                    .inFile(file).onLineContaining("String fromEnum;");
            assertThat(compilation).hadErrorContaining("[genja.option-outside-task] @TaskOption field FROM_INTERFACE is in com.acme.Holders.Defaults, an interface,")
                    .inFile(file).onLineContaining("String FROM_INTERFACE");
            assertThat(compilation).hadErrorCount(3);
        }
    }

    /** {@code @TaskOption} fields a task class inherits from its superclasses. */
    @Nested
    class InheritedOptions {

        /** {@code com.acme.Reload}, a task that extends {@code superclass} and declares {@code members}. */
        private JavaFileObject reload(String superclass, String members) {
            return source("Reload", "@GenjaTask(name = \"reload\")\npublic class Reload extends " + superclass
                    + " {\n" + members + START + "}\n");
        }

        /** {@code com.acme.base.AbstractDeviceTask}, an abstract task base class with {@code members}. */
        private JavaFileObject baseInOtherPackage(String members) {
            return source("com.acme.base", "AbstractDeviceTask", "public abstract class AbstractDeviceTask implements Task {\n"
                    + members + "}\n");
        }

        @Test
        void nonFinalClassWithoutGenjaTaskMayDeclareOptions() {
            JavaFileObject base = source("AbstractDeviceTask", """
                    public abstract class AbstractDeviceTask implements Task {
                        @TaskOption boolean dryRun;
                    }
                    """);
            assertThat(compile(base, reload("AbstractDeviceTask", ""))).succeededWithoutWarnings();
            assertThat(compile(base)).succeededWithoutWarnings();
        }

        @Test
        void superclassOptionsInTheTaskPackageMayBePackagePrivateOrProtected() {
            JavaFileObject base = source("AbstractDeviceTask", """
                    public abstract class AbstractDeviceTask implements Task {
                        @TaskOption boolean dryRun;
                        @TaskOption protected int retries;
                    }
                    """);
            assertThat(compile(base, reload("AbstractDeviceTask", ""))).succeededWithoutWarnings();
        }

        @Test
        void superclassOptionMustNotBePrivate() {
            JavaFileObject base = baseInOtherPackage("    @TaskOption private boolean dryRun;\n");
            Compilation compilation = compile(base, reload("com.acme.base.AbstractDeviceTask", ""));
            assertThat(compilation).hadErrorContaining("[genja.option-private] @TaskOption field dryRun of com.acme.base.AbstractDeviceTask must not be private: the generated adapter of each task class that extends AbstractDeviceTask assigns it; make it public (package-private is enough when every such task is in package com.acme.base)")
                    .inFile(base).onLineContaining("private boolean dryRun;");
            assertThat(compilation).hadErrorCount(1);
        }

        @Test
        void superclassOptionInAnotherPackageMustBePublic() {
            JavaFileObject base = baseInOtherPackage("""
                        @TaskOption protected boolean dryRun;
                        @TaskOption int retries;
                        @TaskOption public String site;
                    """);
            Compilation compilation = compile(base, reload("com.acme.base.AbstractDeviceTask", ""));
            assertThat(compilation).hadErrorContaining("[genja.option-inaccessible] @TaskOption field dryRun of com.acme.base.AbstractDeviceTask is protected, so the generated adapter of @GenjaTask class com.acme.Reload, in package com.acme, cannot assign it; make the field public, or move AbstractDeviceTask into package com.acme")
                    .inFile(base).onLineContaining("protected boolean dryRun;");
            assertThat(compilation).hadErrorContaining("[genja.option-inaccessible] @TaskOption field retries of com.acme.base.AbstractDeviceTask is package-private, so the generated adapter of @GenjaTask class com.acme.Reload")
                    .inFile(base).onLineContaining("int retries;");
            assertThat(compilation).hadErrorCount(2);
        }

        @Test
        void superclassOptionTypeMustBePublicInAnotherPackage() {
            JavaFileObject base = baseInOtherPackage("""
                        protected enum Mode { FAST, SAFE }

                        @TaskOption public Mode mode;
                    """);
            assertThat(compile(base, reload("com.acme.base.AbstractDeviceTask", "")))
                    .hadErrorContaining("[genja.option-inaccessible] @TaskOption field mode of com.acme.base.AbstractDeviceTask has type com.acme.base.AbstractDeviceTask.Mode, which is not public, so the generated adapter of @GenjaTask class com.acme.Reload, in package com.acme, cannot name it; make Mode public, or move it into package com.acme")
                    .inFile(base).onLineContaining("public Mode mode;");
        }

        @Test
        void existingChecksApplyToSuperclassOptionsOncePerField() {
            JavaFileObject base = source("AbstractDeviceTask", """
                    public abstract class AbstractDeviceTask implements Task {
                        @TaskOption static boolean dryRun;
                        @TaskOption final int retries = 3;
                        @TaskOption java.util.Map<String, String> labels;
                        @TaskOption(name = "bad name") String site;
                    }
                    """);
            JavaFileObject other = source("Restart", "@GenjaTask(name = \"restart\")\npublic class Restart extends AbstractDeviceTask {\n" + START + "}\n");
            Compilation compilation = compile(base, reload("AbstractDeviceTask", ""), other);
            assertThat(compilation).hadErrorContaining("[genja.option-static] @TaskOption field dryRun of com.acme.AbstractDeviceTask must not be static")
                    .inFile(base).onLineContaining("static boolean dryRun;");
            assertThat(compilation).hadErrorContaining("[genja.option-final] @TaskOption field retries of com.acme.AbstractDeviceTask must not be final")
                    .inFile(base).onLineContaining("final int retries");
            assertThat(compilation).hadErrorContaining("[genja.option-type] @TaskOption field labels of com.acme.AbstractDeviceTask has type java.util.Map<java.lang.String,java.lang.String>, which Genja cannot convert options to")
                    .inFile(base).onLineContaining("labels;");
            assertThat(compilation).hadErrorContaining("[genja.option-name] option name \"bad name\" of field site in com.acme.AbstractDeviceTask")
                    .inFile(base).onLineContaining("\"bad name\"");
            // the base on its own and each of the two tasks find the same four problems: each is printed once
            assertThat(compilation).hadErrorCount(4);
        }

        @Test
        void superclassWithoutAnyTaskIsCheckedOnItsOwn() {
            JavaFileObject base = source("AbstractDeviceTask", """
                    public abstract class AbstractDeviceTask implements Task {
                        @TaskOption static boolean dryRun;
                    }
                    """);
            assertThat(compile(base)).hadErrorContaining("[genja.option-static] @TaskOption field dryRun of com.acme.AbstractDeviceTask must not be static")
                    .inFile(base).onLineContaining("static boolean dryRun;");
        }

        @Test
        void optionNameUsedByASuperclassIsADuplicateNamingBothClasses() {
            JavaFileObject base = baseInOtherPackage("    @TaskOption public boolean dryRun;\n");
            JavaFileObject file = reload("com.acme.base.AbstractDeviceTask", "    @TaskOption(name = \"dry_run\") boolean simulate;\n");
            Compilation compilation = compile(base, file);
            assertThat(compilation).hadErrorContaining("[genja.duplicate-option] option name \"dry_run\" of field simulate in com.acme.Reload is also used by field dryRun of superclass com.acme.base.AbstractDeviceTask; option names must be unique per task, superclasses included")
                    .inFile(file).onLineContaining("boolean simulate;");
            assertThat(compilation).hadErrorCount(1);
        }

        @Test
        void fieldHidingASuperclassOptionIsAnError() {
            JavaFileObject base = baseInOtherPackage("    @TaskOption public boolean dryRun;\n    @TaskOption public String site;\n");
            JavaFileObject file = reload("com.acme.base.AbstractDeviceTask", """
                        @TaskOption boolean dryRun;
                        private String site = "here";
                    """);
            Compilation compilation = compile(base, file);
            assertThat(compilation).hadErrorContaining("[genja.option-hidden] field dryRun of com.acme.Reload hides @TaskOption field dryRun of superclass com.acme.base.AbstractDeviceTask: the generated adapter would assign Reload's field and the option would never reach AbstractDeviceTask's; remove the field from Reload (it inherits the option) or rename one of them")
                    .inFile(file).onLineContaining("boolean dryRun;");
            assertThat(compilation).hadErrorContaining("[genja.option-hidden] field site of com.acme.Reload hides @TaskOption field site of superclass com.acme.base.AbstractDeviceTask")
                    .inFile(file).onLineContaining("String site = \"here\";");
            // hiding is reported as such, not also as a duplicate option name
            assertThat(compilation).hadErrorCount(2);
        }
    }

    @Nested
    class PluginsAndProcessors {

        @Test
        void connectionPluginMustImplementConnectionPlugin() {
            JavaFileObject file = source("NotAPlugin", """
                    @GenjaConnectionPlugin(name = "telnet")
                    public class NotAPlugin {
                    }
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.missing-interface] @GenjaConnectionPlugin class com.acme.NotAPlugin does not implement io.genja.connection.ConnectionPlugin")
                    .inFile(file).onLineContaining("@GenjaConnectionPlugin(name = \"telnet\")");
        }

        @Test
        void connectionPluginNeedsAPublicNoArgConstructor() {
            JavaFileObject file = source("Telnet", """
                    @GenjaConnectionPlugin(name = "telnet")
                    public class Telnet implements ConnectionPlugin {
                        private Telnet() {
                        }

                        public String name() {
                            return "telnet";
                        }

                        public Connection create(ConnectionKey key) {
                            return null;
                        }
                    }
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.no-constructor] @GenjaConnectionPlugin class com.acme.Telnet needs a public constructor without parameters")
                    .inFile(file).onLineContaining("@GenjaConnectionPlugin(name = \"telnet\")");
        }

        @Test
        void processorMustImplementTaskProcessor() {
            JavaFileObject file = source("Audit", """
                    @GenjaProcessor(name = "audit")
                    public class Audit {
                    }
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.missing-interface] @GenjaProcessor class com.acme.Audit does not implement io.genja.task.TaskProcessor")
                    .inFile(file).onLineContaining("@GenjaProcessor(name = \"audit\")");
        }

        @Test
        void processorNeedsAPublicNoArgConstructor() {
            JavaFileObject file = source("Audit", """
                    @GenjaProcessor(name = "audit")
                    public class Audit implements TaskProcessor {
                        public Audit(String target) {
                        }

                        public String name() {
                            return "audit";
                        }
                    }
                    """);
            assertThat(compile(file)).hadErrorContaining("[genja.no-constructor] @GenjaProcessor class com.acme.Audit")
                    .inFile(file).onLineContaining("@GenjaProcessor(name = \"audit\")");
        }

        @Test
        void pluginNameMustBeWellFormed() {
            JavaFileObject file = plugin("Weird", "ss h");
            assertThat(compile(file)).hadErrorContaining("[genja.invalid-name] connection plugin name \"ss h\" of com.acme.Weird")
                    .inFile(file).onLineContaining("@GenjaConnectionPlugin(name = \"ss h\")");
        }

        @Test
        void pluginNameMustBeUniqueInTheCompilation() {
            JavaFileObject first = plugin("Ssh", "ssh");
            JavaFileObject second = plugin("OtherSsh", "ssh");
            assertThat(compile(first, second)).hadErrorContaining("[genja.duplicate-name] connection plugin name \"ssh\" of com.acme.OtherSsh is already used by com.acme.Ssh in this compilation")
                    .inFile(second).onLineContaining("@GenjaConnectionPlugin(name = \"ssh\")");
        }
    }
}
