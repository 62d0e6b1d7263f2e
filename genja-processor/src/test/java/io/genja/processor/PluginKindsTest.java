package io.genja.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.genja.processor.Compilations.compile;
import static io.genja.processor.Compilations.compileAgainst;
import static io.genja.processor.Compilations.writeClassOutput;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @GenjaInventoryPlugin}, {@code @GenjaTransformFunction} and {@code @GenjaRunner} are checked, indexed and
 * registered like connection plugins; every plugin annotation's name must be the one its {@code name()} returns.
 */
class PluginKindsTest {

    private static final String IMPORTS = """
            package com.acme;

            import io.genja.annotations.GenjaConnectionPlugin;
            import io.genja.annotations.GenjaInventoryPlugin;
            import io.genja.annotations.GenjaRunner;
            import io.genja.annotations.GenjaTransformFunction;
            import io.genja.connection.Connection;
            import io.genja.connection.ConnectionPlugin;
            import io.genja.inventory.ConnectionKey;
            import io.genja.inventory.Inventory;
            import io.genja.inventory.InventoryPlugin;
            import io.genja.inventory.TransformFunction;
            import java.nio.file.Path;
            import java.util.Map;

            """;

    private static JavaFileObject source(String simpleName, String code) {
        return Compilations.source("com.acme." + simpleName, IMPORTS + code);
    }

    /** An inventory plugin whose {@code name()} is {@code body}. */
    private static JavaFileObject inventoryPlugin(String simpleName, String annotation, String body) {
        return source(simpleName, """
                %s
                public class %s implements InventoryPlugin {
                    static final String NAME = "NetBox";

                    @Override
                    public String name() {
                        %s
                    }

                    @Override
                    public Inventory load(Map<String, Object> options, Path baseDirectory) {
                        return Inventory.builder().build();
                    }
                }
                """.formatted(annotation, simpleName, body));
    }

    private static JavaFileObject transform(String simpleName, String name) {
        return source(simpleName, """
                @GenjaTransformFunction(name = "%s")
                public class %s implements TransformFunction {
                    @Override
                    public String name() {
                        return "%s";
                    }

                    @Override
                    public Inventory transform(Inventory inventory, Map<String, Object> options) {
                        return inventory;
                    }
                }
                """.formatted(name, simpleName, name));
    }

    @Test
    void inventoryPluginsAndTransformsAreRegisteredForServiceLoader() {
        Compilation compilation = compile(
                inventoryPlugin("NetBox", "@GenjaInventoryPlugin(name = \"NetBox\")", "return NAME;"),
                transform("LabUsername", "lab_username"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/services/io.genja.inventory.InventoryPlugin").contentsAsUtf8String().isEqualTo(
                "com.acme.NetBox\n");
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/services/io.genja.inventory.TransformFunction").contentsAsUtf8String().isEqualTo(
                "com.acme.LabUsername\n");
    }

    @Test
    void inventoryPluginMustImplementInventoryPlugin() {
        JavaFileObject file = source("NotInventory", """
                @GenjaInventoryPlugin(name = "NetBox")
                public class NotInventory {
                }
                """);
        assertThat(compile(file)).hadErrorContaining("[genja.missing-interface] @GenjaInventoryPlugin class "
                        + "com.acme.NotInventory does not implement io.genja.inventory.InventoryPlugin")
                .inFile(file).onLineContaining("@GenjaInventoryPlugin(name = \"NetBox\")");
    }

    @Test
    void transformFunctionMustImplementTransformFunction() {
        JavaFileObject file = source("NotTransform", """
                @GenjaTransformFunction(name = "lab_username")
                public class NotTransform {
                }
                """);
        assertThat(compile(file)).hadErrorContaining("[genja.missing-interface] @GenjaTransformFunction class "
                        + "com.acme.NotTransform does not implement io.genja.inventory.TransformFunction")
                .inFile(file).onLineContaining("@GenjaTransformFunction(name = \"lab_username\")");
    }

    @Test
    void runnerMustImplementRunner() {
        JavaFileObject file = source("NotRunner", """
                @GenjaRunner(name = "sharded")
                public class NotRunner {
                }
                """);
        assertThat(compile(file)).hadErrorContaining("[genja.missing-interface] @GenjaRunner class "
                        + "com.acme.NotRunner does not implement io.genja.runner.Runner")
                .inFile(file).onLineContaining("@GenjaRunner(name = \"sharded\")");
    }

    @Test
    void inventoryPluginNamesAreUniqueInTheCompilationAndOnTheClassPath(@TempDir Path jar) {
        JavaFileObject first = inventoryPlugin("NetBox", "@GenjaInventoryPlugin(name = \"NetBox\")", "return NAME;");
        JavaFileObject second = inventoryPlugin("OtherNetBox", "@GenjaInventoryPlugin(name = \"NetBox\")",
                "return NAME;");
        assertThat(compile(first, second)).hadErrorContaining("[genja.duplicate-name] inventory plugin name "
                        + "\"NetBox\" of com.acme.OtherNetBox is already used by com.acme.NetBox in this compilation")
                .inFile(second).onLineContaining("@GenjaInventoryPlugin(name = \"NetBox\")");

        writeClassOutput(compile(first), jar);
        JavaFileObject later = Compilations.source("org.other.NetBox", (IMPORTS + """
                @GenjaInventoryPlugin(name = "NetBox")
                public class NetBox implements InventoryPlugin {
                    public String name() {
                        return "NetBox";
                    }

                    public Inventory load(Map<String, Object> options, Path baseDirectory) {
                        return Inventory.builder().build();
                    }
                }
                """).replace("package com.acme;", "package org.other;"));
        assertThat(compileAgainst(jar, later)).hadErrorContaining("[genja.duplicate-name] inventory plugin name "
                        + "\"NetBox\" of org.other.NetBox is already used by com.acme.NetBox on the class path")
                .inFile(later).onLineContaining("@GenjaInventoryPlugin(name = \"NetBox\")");
    }

    @Test
    void aConnectionPluginWhoseNameReturnsAnotherLiteralIsReportedOnTheAnnotationsName() {
        JavaFileObject file = source("Ssh2", """
                @GenjaConnectionPlugin(
                        name = "ssh")
                public class Ssh2 implements ConnectionPlugin {
                    @Override
                    public String name() {
                        return "sshv2";
                    }

                    @Override
                    public Connection create(ConnectionKey key) {
                        throw new UnsupportedOperationException();
                    }
                }
                """);
        assertThat(compile(file)).hadErrorContaining("[genja.name-mismatch] @GenjaConnectionPlugin class com.acme.Ssh2 "
                        + "is annotated with name \"ssh\" but its name() returns \"sshv2\"; make them the same (tasks "
                        + "and settings are checked against the annotation, the run finds the class by name())")
                .inFile(file).onLineContaining("name = \"ssh\")");
    }

    @Test
    void aNameReturnedThroughAConstantIsComparedToo() {
        JavaFileObject file = inventoryPlugin("Netbox", "@GenjaInventoryPlugin(name = \"Netbox\")", "return (NAME);");
        assertThat(compile(file)).hadErrorContaining("[genja.name-mismatch] @GenjaInventoryPlugin class com.acme.Netbox "
                        + "is annotated with name \"Netbox\" but its name() returns \"NetBox\"")
                .inFile(file).onLineContaining("@GenjaInventoryPlugin(name = \"Netbox\")");
    }

    @Test
    void aComputedNameIsLeftToTheRun() {
        JavaFileObject file = inventoryPlugin("Computed", "@GenjaInventoryPlugin(name = \"Computed\")",
                "return getClass().getSimpleName();");
        assertThat(compile(file)).succeededWithoutWarnings();
    }
}
