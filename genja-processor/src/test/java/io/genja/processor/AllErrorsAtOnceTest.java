package io.genja.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.genja.processor.Compilations.compile;
import static io.genja.processor.Fixtures.START;
import static io.genja.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every mistake is reported in the one build, once, on its own spot, and without a misleading extra: fixing the
 * reported errors does not reveal new ones.
 */
class AllErrorsAtOnceTest {

    @Test
    void classWithAShapeErrorStillHasItsNamesChecked() {
        JavaFileObject broken = source("Broken", """
                @GenjaTask(name = "twin", connectionPluginName = "shh", processors = "audit")
                public class Broken implements Task {
                    public Broken(String host) {
                    }
                """ + START + "}\n");
        JavaFileObject twin = Fixtures.task("Twin", "twin");
        Compilation compilation = compile(broken, twin);
        assertThat(compilation).hadErrorContaining("[genja.no-constructor] @GenjaTask class com.acme.Broken")
                .inFile(broken).onLineContaining("@GenjaTask(name = \"twin\"");
        assertThat(compilation).hadErrorContaining("[genja.unknown-plugin] task \"twin\" names connection plugin \"shh\"")
                .inFile(broken).onLineContaining("@GenjaTask(name = \"twin\"");
        assertThat(compilation).hadErrorContaining("[genja.unknown-processor] task \"twin\" names processor \"audit\"")
                .inFile(broken).onLineContaining("@GenjaTask(name = \"twin\"");
        assertThat(compilation).hadErrorContaining("[genja.duplicate-name] task name \"twin\" of com.acme.Broken")
                .inFile(broken).onLineContaining("@GenjaTask(name = \"twin\"");
        assertThat(compilation).hadErrorContaining("[genja.duplicate-name] task name \"twin\" of com.acme.Twin")
                .inFile(twin).onLineContaining("@GenjaTask(name = \"twin\")");
        assertThat(compilation).hadErrorCount(5);
    }

    /**
     * javac reports a class that does not exist itself ("cannot find symbol", on the spot that names it), which no
     * processor can prevent: Genja says nothing more about it, and still checks the rest of the class.
     */
    @Test
    void missingSubTaskClassIsReportedOnceByJavacAlone() {
        JavaFileObject parent = Fixtures.task("Parent", "@GenjaTask(name = \"parent\", subTasks = Missing.class)", "");
        Compilation compilation = compile(parent);
        assertThat(compilation).hadErrorContaining("cannot find symbol")
                .inFile(parent).onLineContaining("subTasks = Missing.class");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void missingSubTaskClassDoesNotHideTheClassesOtherMistakes() {
        JavaFileObject parent = Fixtures.task("Parent",
                "@GenjaTask(name = \"parent task\", connectionPluginName = \"shh\", subTasks = Missing.class)", "");
        Compilation compilation = compile(parent);
        assertThat(compilation).hadErrorContaining("cannot find symbol")
                .inFile(parent).onLineContaining("subTasks = Missing.class");
        assertThat(compilation).hadErrorContaining("[genja.invalid-name]").inFile(parent)
                .onLineContaining("@GenjaTask(name = \"parent task\"");
        assertThat(compilation).hadErrorContaining("[genja.unknown-plugin]").inFile(parent)
                .onLineContaining("@GenjaTask(name = \"parent task\"");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void missingSuperclassIsReportedOnceByJavacAlone() {
        JavaFileObject file = source("Child", """
                @GenjaTask(name = "child")
                public class Child extends MissingBase implements Task {
                """ + START + "}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(file).onLineContaining("MissingBase");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void missingOptionTypeIsReportedOnceByJavacAlone() {
        JavaFileObject file = Fixtures.task("Configure", "@GenjaTask(name = \"configure\")", """
                    @TaskOption
                    public MissingType setting;
                """);
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(file).onLineContaining("MissingType");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void packagePrivateTaskIsOnlyToldToBePublic() {
        JavaFileObject file = source("Hidden", """
                @GenjaTask(name = "hidden")
                class Hidden implements Task {
                """ + START + "}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[genja.not-public] @GenjaTask class com.acme.Hidden must be public")
                .inFile(file).onLineContaining("@GenjaTask(name = \"hidden\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void packagePrivateTaskWithAPrivateConstructorIsToldBoth() {
        JavaFileObject file = source("Hidden", """
                @GenjaTask(name = "hidden")
                class Hidden implements Task {
                    private Hidden() {
                    }
                """ + START + "}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[genja.not-public] @GenjaTask class com.acme.Hidden must be public");
        assertThat(compilation).hadErrorContaining("[genja.no-constructor] @GenjaTask class com.acme.Hidden");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void enumAnnotatedAsATaskIsToldItMustBeAClass() {
        JavaFileObject file = source("Mode", """
                @GenjaTask(name = "mode")
                public enum Mode implements Task {
                    ONE;
                """ + START + "}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[genja.not-a-class] @GenjaTask class com.acme.Mode is an enum")
                .inFile(file).onLineContaining("@GenjaTask(name = \"mode\")");
        assertThat(compilation).hadErrorCount(1);
    }
}
