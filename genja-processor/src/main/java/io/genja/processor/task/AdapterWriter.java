package io.genja.processor.task;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.genja.processor.base.GeneratedAnnotation;
import io.genja.processor.model.OptionModel;
import io.genja.processor.model.OptionType;
import io.genja.processor.model.TaskModel;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * Writes {@code <Task>_GenjaAdapter}: the {@code TaskDefinition} of one task class, which creates it with
 * {@code new}, converts and assigns its options and hands it back as a {@code TaskInstance.Blocking} (a
 * {@code Task}) or {@code TaskInstance.Async} (an {@code AsyncTask}), without reflection.
 *
 * <p>The source is written as text from the template below, its type names through {@link ImportedNames}, rather
 * than built with JavaPoet: every task has an adapter, and building and formatting them with JavaPoet took a fifth
 * of the processor's time (see {@code bench/processor-cost.sh}). The output is what JavaPoet wrote, line for line.
 */
final class AdapterWriter {

    private static final String TASK_PACKAGE = "io.genja.task";
    private static final ClassName TASK_DEFINITION = ClassName.get(TASK_PACKAGE, "TaskDefinition");
    private static final ClassName TASK_OPTION_SPEC = ClassName.get(TASK_PACKAGE, "TaskOptionSpec");
    private static final ClassName TASK_OPTIONS = ClassName.get(TASK_PACKAGE, "TaskOptions");
    private static final ClassName TASK_EXCEPTION = ClassName.get(TASK_PACKAGE, "TaskException");
    private static final ClassName OPTION_CONVERTERS = ClassName.get(TASK_PACKAGE, "OptionConverters");
    private static final ClassName TASK_INSTANCE = ClassName.get(TASK_PACKAGE, "TaskInstance");
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    private static final ClassName GENERATED = ClassName.bestGuess(GeneratedAnnotation.NAME);

    private final Filer filer;

    AdapterWriter(Filer filer) {
        this.filer = filer;
    }

    void write(TaskModel task, Element origin) throws IOException {
        JavaFileObject file = filer.createSourceFile(task.adapterClass().canonicalName(), origin);
        try (Writer writer = file.openWriter()) {
            writer.write(source(task, GeneratedAnnotation.forClassFrom(origin).isPresent()));
        }
    }

    /** The adapter's source file; {@code generatedAnnotation}: whether it carries {@code @Generated}. */
    static String source(TaskModel task, boolean generatedAnnotation) {
        ClassName taskClass = task.taskClass();
        ClassName adapterClass = task.adapterClass();
        ImportedNames names = new ImportedNames(adapterClass);
        String taskType = names.of(taskClass);
        String optionsOrNone = task.options().isEmpty() ? "" : " throws " + names.of(TASK_EXCEPTION);
        String list = names.of(LIST);
        String string = names.of(ClassName.get(String.class));

        StringBuilder body = new StringBuilder();
        body.append("/**\n")
                .append(" * The {@link ").append(names.of(TASK_DEFINITION)).append("} of {@link ").append(taskType)
                .append("}, task {@code ").append(task.name()).append("}.\n")
                .append(" * Creates the task and binds its options, without reflection.\n")
                .append(" */\n");
        if (generatedAnnotation) {
            body.append('@').append(names.of(GENERATED)).append("(\"").append(GeneratedAnnotation.PROCESSOR)
                    .append("\")\n");
        }
        if (task.usesDeprecated()) {
            // the task, a superclass, an option or its type is deprecated: -Xlint:all -Werror must stay clean
            body.append("@SuppressWarnings({\"deprecation\", \"removal\"})\n");
        }
        body.append("public final class ").append(adapterClass.simpleName()).append(" implements ")
                .append(names.of(TASK_DEFINITION)).append(" {\n")
                .append("    private static final ").append(string).append(" NAME = ").append(literal(task.name()))
                .append(";\n\n");
        if (!task.options().isEmpty()) {
            String spec = names.of(TASK_OPTION_SPEC);
            body.append("    private static final ").append(list).append('<').append(spec).append("> OPTIONS = ")
                    .append(list).append(".of(\n");
            List<String> specs = new ArrayList<>();
            for (OptionModel option : task.options()) {
                specs.add("            new " + spec + "(" + literal(option.name()) + ", " + literal(option.typeText())
                        + ", " + option.required() + ", " + literal(option.description()) + ")");
            }
            body.append(String.join(",\n", specs)).append(");\n\n");
        }
        body.append("""
                    /**
                     * Called by {@link java.util.ServiceLoader}.
                     */
                    public %s() {
                    }

                """.formatted(adapterClass.simpleName()));
        getter(body, string, "name", "NAME");
        getter(body, names.of(OPTIONAL) + "<" + string + ">", "connectionPluginName", task.connectionPlugin().isEmpty()
                ? names.of(OPTIONAL) + ".empty()"
                : names.of(OPTIONAL) + ".of(" + literal(task.connectionPlugin()) + ")");
        getter(body, list + "<" + string + ">", "processors", stringList(list, task.processors()));
        getter(body, list + "<" + string + ">", "subTasks", stringList(list, task.subTasks()));
        getter(body, list + "<" + names.of(TASK_OPTION_SPEC) + ">", "options",
                task.options().isEmpty() ? list + ".of()" : "OPTIONS");
        getter(body, string, "description", literal(task.description()));
        if (task.supportsDryRun()) {
            // TaskDefinition's default says false: only a task that declares dry-run support overrides it
            getter(body, "boolean", "supportsDryRun", "true");
        }
        getter(body, names.of(ClassName.get(Class.class)) + "<" + taskType + ">", "taskClass", taskType + ".class");
        body.append("""
                    @Override
                    public %s newInstance(%s options)%s {
                        return bindOptions(new %s(), options);
                    }

                """.formatted(names.of(TASK_INSTANCE), names.of(TASK_OPTIONS), optionsOrNone, taskType));
        body.append("    @Override\n")
                .append("    public ").append(names.of(TASK_INSTANCE)).append(" bindOptions(")
                .append(names.of(ClassName.get(Object.class))).append(" task, ").append(names.of(TASK_OPTIONS))
                .append(" options)").append(optionsOrNone).append(" {\n");
        bindOptions(body, task, names);
        body.append("    }\n}\n");
        return names.header() + body;
    }

    private static void getter(StringBuilder body, String type, String name, String value) {
        body.append("""
                    @Override
                    public %s %s() {
                        return %s;
                    }

                """.formatted(type, name, value));
    }

    private static String stringList(String list, List<String> values) {
        return list + ".of(" + values.stream().map(AdapterWriter::literal).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * The body of {@code bindOptions}. Reads every option, then converts every value, then assigns: a missing or bad
     * value fails before the task object is changed at all.
     */
    private static void bindOptions(StringBuilder body, TaskModel task, ImportedNames names) {
        String taskType = names.of(task.taskClass());
        // a Task holds its thread until the result is ready; an AsyncTask returns a stage
        String kind = names.of(TASK_INSTANCE.nestedClass(task.async() ? "Async" : "Blocking"));
        if (task.options().isEmpty()) {
            body.append("        // ").append(taskType).append(" has no @TaskOption fields\n")
                    .append("        return new ").append(kind).append("((").append(taskType).append(") task);\n");
            return;
        }
        NameAllocator allocated = new NameAllocator();
        allocated.newName("NAME");
        allocated.newName("task");
        allocated.newName("options");
        List<String> rawNames = new ArrayList<>();
        List<String> valueNames = new ArrayList<>();
        for (OptionModel option : task.options()) {
            rawNames.add(allocated.newName(option.field() + "Value"));
            valueNames.add(allocated.newName(option.field()));
        }
        String target = allocated.newName(decapitalize(task.taskClass().simpleName()));
        String object = names.of(ClassName.get(Object.class));
        String converters = names.of(OPTION_CONVERTERS);

        for (int i = 0; i < task.options().size(); i++) {
            OptionModel option = task.options().get(i);
            body.append("        ").append(object).append(' ').append(rawNames.get(i)).append(" = options.raw(")
                    .append(literal(option.name())).append(')');
            if (option.required()) {
                body.append("\n                .orElseThrow(() -> ").append(converters).append(".missing(NAME, ")
                        .append(literal(option.name())).append("));\n");
            } else {
                body.append(".orElse(null);\n");
            }
        }
        body.append('\n');
        for (int i = 0; i < task.options().size(); i++) {
            OptionModel option = task.options().get(i);
            String conversion = conversion(option, rawNames.get(i), names);
            if (option.required()) {
                body.append("        ").append(type(option.javaType(), names)).append(' ').append(valueNames.get(i))
                        .append(" = ").append(conversion).append(";\n");
            } else {
                body.append("        ").append(type(option.javaType().box(), names)).append(' ')
                        .append(valueNames.get(i)).append(" = ").append(rawNames.get(i)).append(" == null ? null\n")
                        .append("                : ").append(conversion).append(";\n");
            }
        }
        body.append('\n');
        body.append("        ").append(taskType).append(' ').append(target).append(" = (").append(taskType)
                .append(") task;\n");
        for (int i = 0; i < task.options().size(); i++) {
            OptionModel option = task.options().get(i);
            String assignment = target + "." + option.field() + " = " + valueNames.get(i) + ";\n";
            if (option.required()) {
                body.append("        ").append(assignment);
            } else {
                body.append("        if (").append(valueNames.get(i)).append(" != null) {\n")
                        .append("            ").append(assignment)
                        .append("        }\n");
            }
        }
        body.append("        return new ").append(kind).append('(').append(target).append(");\n");
    }

    private static String conversion(OptionModel option, String raw, ImportedNames names) {
        String call = names.of(OPTION_CONVERTERS) + "." + option.type().converter() + "(" + raw + ", "
                + literal(option.name());
        if (option.type() == OptionType.ENUM) {
            return call + ", " + type(option.javaType(), names) + ".values())";
        }
        return call + ")";
    }

    /** How the source names {@code type}: a primitive, a class, or a class with type arguments. */
    private static String type(TypeName type, ImportedNames names) {
        if (type instanceof ClassName className) {
            return names.of(className);
        }
        if (type instanceof ParameterizedTypeName parameterized) {
            return names.of(parameterized.rawType()) + parameterized.typeArguments().stream()
                    .map(argument -> type(argument, names)).collect(Collectors.joining(", ", "<", ">"));
        }
        return type.withoutAnnotations().toString(); // a primitive
    }

    /**
     * {@code text} as a string literal. Unlike JavaPoet's {@code $S}, which breaks the line at U+2028 and U+2029
     * (leaving an unclosed literal), those and every control character are escaped; C0 controls with octal
     * escapes, as a unicode escape of a line feed would end the line before the lexer sees the literal.
     */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\%03o", (int) c));
                    } else if (c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
