package io.genja.processor;

import javax.tools.JavaFileObject;

/** Source files the processor tests compile: tasks, plugins and processors in package {@code com.acme}. */
final class Fixtures {

    /** Imports every fixture needs. */
    static final String IMPORTS = """
            package com.acme;

            import io.genja.annotations.GenjaConnectionPlugin;
            import io.genja.annotations.GenjaProcessor;
            import io.genja.annotations.GenjaTask;
            import io.genja.annotations.TaskOption;
            import io.genja.connection.Connection;
            import io.genja.connection.ConnectionPlugin;
            import io.genja.inventory.ConnectionKey;
            import io.genja.inventory.Host;
            import io.genja.task.AsyncTask;
            import io.genja.task.HostTaskResult;
            import io.genja.task.Task;
            import io.genja.task.TaskProcessor;
            import io.genja.task.TaskRuntimeContext;
            import io.genja.task.TaskSuccess;
            import java.util.concurrent.CompletionStage;

            """;

    /** The body of a {@code Task} that passes. */
    static final String START = """
                @Override
                public HostTaskResult start(Host host, TaskRuntimeContext context) {
                    return HostTaskResult.passed(new TaskSuccess());
                }
            """;

    private Fixtures() {
    }

    /** {@code com.acme.<simpleName>} with the fixture imports followed by {@code code}. */
    static JavaFileObject source(String simpleName, String code) {
        return Compilations.source("com.acme." + simpleName, IMPORTS + code);
    }

    /** {@code <packageName>.<simpleName>} with the fixture imports followed by {@code code}. */
    static JavaFileObject source(String packageName, String simpleName, String code) {
        return Compilations.source(packageName + "." + simpleName,
                IMPORTS.replace("package com.acme;", "package " + packageName + ";") + code);
    }

    /** A valid task class carrying {@code annotation}, with {@code members} before {@code start}. */
    static JavaFileObject task(String simpleName, String annotation, String members) {
        return source(simpleName, annotation + "\npublic class " + simpleName + " implements Task {\n" + members
                + START + "}\n");
    }

    /** A valid task class called {@code simpleName} with task name {@code name} and nothing else. */
    static JavaFileObject task(String simpleName, String name) {
        return task(simpleName, "@GenjaTask(name = \"" + name + "\")", "");
    }

    /** A connection plugin called {@code name} whose connections do nothing. */
    static JavaFileObject plugin(String simpleName, String name) {
        return plugin("com.acme", simpleName, name);
    }

    /** A connection plugin {@code <packageName>.<simpleName>} called {@code name}. */
    static JavaFileObject plugin(String packageName, String simpleName, String name) {
        return source(packageName, simpleName, """
                @GenjaConnectionPlugin(name = "%s")
                public class %s implements ConnectionPlugin {
                    @Override
                    public String name() {
                        return "%s";
                    }

                    @Override
                    public Connection create(ConnectionKey key) {
                        throw new UnsupportedOperationException();
                    }
                }
                """.formatted(name, simpleName, name));
    }

    /** A task processor called {@code name} with no hooks. */
    static JavaFileObject processor(String simpleName, String name) {
        return source(simpleName, """
                @GenjaProcessor(name = "%s")
                public class %s implements TaskProcessor {
                    @Override
                    public String name() {
                        return "%s";
                    }
                }
                """.formatted(name, simpleName, name));
    }
}
