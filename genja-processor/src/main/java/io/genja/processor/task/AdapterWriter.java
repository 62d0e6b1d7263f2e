package io.genja.processor.task;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.genja.processor.base.GeneratedAnnotation;
import io.genja.processor.model.OptionModel;
import io.genja.processor.model.OptionType;
import io.genja.processor.model.TaskModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Task>_GenjaAdapter}: the {@code TaskDefinition} of one task class, which creates it with
 * {@code new}, converts and assigns its options and hands it back as a {@code TaskInstance.Blocking} (a
 * {@code Task}) or {@code TaskInstance.Async} (an {@code AsyncTask}), without reflection.
 */
final class AdapterWriter {

    private static final String TASK_PACKAGE = "io.genja.task";
    private static final ClassName TASK_DEFINITION = ClassName.get(TASK_PACKAGE, "TaskDefinition");
    private static final ClassName TASK_OPTION_SPEC = ClassName.get(TASK_PACKAGE, "TaskOptionSpec");
    private static final ClassName TASK_OPTIONS = ClassName.get(TASK_PACKAGE, "TaskOptions");
    private static final ClassName TASK_EXCEPTION = ClassName.get(TASK_PACKAGE, "TaskException");
    private static final ClassName OPTION_CONVERTERS = ClassName.get(TASK_PACKAGE, "OptionConverters");
    private static final ClassName TASK_INSTANCE = ClassName.get(TASK_PACKAGE, "TaskInstance");
    private static final TypeName STRING_LIST = ParameterizedTypeName.get(List.class, String.class);

    private final Filer filer;

    AdapterWriter(Filer filer) {
        this.filer = filer;
    }

    void write(TaskModel task, Element origin) throws IOException {
        file(task, origin).writeTo(filer);
    }

    /** The adapter's source file. */
    static JavaFile file(TaskModel task, Element origin) {
        ClassName taskClass = task.taskClass();
        TypeSpec.Builder adapter = TypeSpec.classBuilder(task.adapterClass())
                .addJavadoc("The {@link $T} of {@link $T}, task {@code $L}.\n", TASK_DEFINITION, taskClass, task.name())
                .addJavadoc("Creates the task and binds its options, without reflection.\n");
        GeneratedAnnotation.forClassFrom(origin).ifPresent(adapter::addAnnotation);
        if (task.usesDeprecated()) {
            // the task, a superclass, an option or its type is deprecated: -Xlint:all -Werror must stay clean
            adapter.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "{$S, $S}", "deprecation", "removal")
                    .build());
        }
        adapter.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(TASK_DEFINITION)
                .addOriginatingElement(origin)
                .addField(FieldSpec.builder(String.class, "NAME", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", task.name())
                        .build());
        if (!task.options().isEmpty()) {
            adapter.addField(optionsField(task));
        }
        adapter.addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .build())
                .addMethod(getter("name", TypeName.get(String.class), CodeBlock.of("NAME")))
                .addMethod(getter("connectionPluginName", ParameterizedTypeName.get(Optional.class, String.class),
                        task.connectionPlugin().isEmpty()
                                ? CodeBlock.of("$T.empty()", Optional.class)
                                : CodeBlock.of("$T.of($L)", Optional.class, literal(task.connectionPlugin()))))
                .addMethod(getter("processors", STRING_LIST, stringList(task.processors())))
                .addMethod(getter("subTasks", STRING_LIST, stringList(task.subTasks())))
                .addMethod(getter("options", ParameterizedTypeName.get(ClassName.get(List.class), TASK_OPTION_SPEC),
                        task.options().isEmpty() ? CodeBlock.of("$T.of()", List.class) : CodeBlock.of("OPTIONS")))
                .addMethod(getter("description", TypeName.get(String.class), literal(task.description())));
        if (task.supportsDryRun()) {
            // TaskDefinition's default says false: only a task that declares dry-run support overrides it
            adapter.addMethod(getter("supportsDryRun", TypeName.BOOLEAN, CodeBlock.of("true")));
        }
        adapter.addMethod(getter("taskClass", ParameterizedTypeName.get(ClassName.get(Class.class), taskClass),
                        CodeBlock.of("$T.class", taskClass)))
                .addMethod(newInstance(task))
                .addMethod(bindOptions(task));
        return JavaFile.builder(taskClass.packageName(), adapter.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private static FieldSpec optionsField(TaskModel task) {
        CodeBlock.Builder specs = CodeBlock.builder().add("$T.of(\n$>$>", List.class);
        for (int i = 0; i < task.options().size(); i++) {
            OptionModel option = task.options().get(i);
            specs.add(i == 0 ? "" : ",\n");
            specs.add("new $T($L, $L, $L, $L)", TASK_OPTION_SPEC, literal(option.name()), literal(option.typeText()),
                    option.required(), literal(option.description()));
        }
        specs.add(")$<$<");
        return FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), TASK_OPTION_SPEC), "OPTIONS",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(specs.build())
                .build();
    }

    private static MethodSpec getter(String name, TypeName type, CodeBlock value) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $L", value)
                .build();
    }

    private static CodeBlock stringList(List<String> values) {
        List<CodeBlock> literals = values.stream().map(AdapterWriter::literal).toList();
        return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(literals, ", "));
    }

    /**
     * {@code text} as a string literal. Unlike JavaPoet's {@code $S}, which breaks the line at U+2028 and U+2029
     * (leaving an unclosed literal), those and every control character are escaped; C0 controls with octal
     * escapes, as a unicode escape of a line feed would end the line before the lexer sees the literal.
     */
    static CodeBlock literal(String text) {
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
        return CodeBlock.of("$L", out.append('"'));
    }

    private static MethodSpec newInstance(TaskModel task) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("newInstance")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TASK_INSTANCE)
                .addParameter(TASK_OPTIONS, "options");
        if (!task.options().isEmpty()) {
            method.addException(TASK_EXCEPTION);
        }
        return method.addStatement("return bindOptions(new $T(), options)", task.taskClass()).build();
    }

    /**
     * Reads every option, then converts every value, then assigns: a missing or bad value fails before the task
     * object is changed at all.
     */
    private static MethodSpec bindOptions(TaskModel task) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("bindOptions")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TASK_INSTANCE)
                .addParameter(Object.class, "task")
                .addParameter(TASK_OPTIONS, "options");
        // a Task holds its thread until the result is ready; an AsyncTask returns a stage
        ClassName kind = TASK_INSTANCE.nestedClass(task.async() ? "Async" : "Blocking");
        if (task.options().isEmpty()) {
            return method.addComment("$T has no @TaskOption fields", task.taskClass())
                    .addStatement("return new $T(($T) task)", kind, task.taskClass())
                    .build();
        }
        method.addException(TASK_EXCEPTION);
        NameAllocator names = new NameAllocator();
        names.newName("NAME");
        names.newName("task");
        names.newName("options");
        List<String> rawNames = new ArrayList<>();
        List<String> valueNames = new ArrayList<>();
        for (OptionModel option : task.options()) {
            rawNames.add(names.newName(option.field() + "Value"));
            valueNames.add(names.newName(option.field()));
        }
        String target = names.newName(decapitalize(task.taskClass().simpleName()));

        for (int i = 0; i < task.options().size(); i++) {
            OptionModel option = task.options().get(i);
            if (option.required()) {
                method.addStatement("$T $N = options.raw($S)\n.orElseThrow(() -> $T.missing(NAME, $S))", Object.class,
                        rawNames.get(i), option.name(), OPTION_CONVERTERS, option.name());
            } else {
                method.addStatement("$T $N = options.raw($S).orElse(null)", Object.class, rawNames.get(i),
                        option.name());
            }
        }
        method.addCode("\n");
        for (int i = 0; i < task.options().size(); i++) {
            OptionModel option = task.options().get(i);
            CodeBlock conversion = conversion(option, rawNames.get(i));
            if (option.required()) {
                method.addStatement("$T $N = $L", option.javaType(), valueNames.get(i), conversion);
            } else {
                method.addStatement("$T $N = $N == null ? null\n: $L", option.javaType().box(), valueNames.get(i),
                        rawNames.get(i), conversion);
            }
        }
        method.addCode("\n");
        method.addStatement("$T $N = ($T) task", task.taskClass(), target, task.taskClass());
        for (int i = 0; i < task.options().size(); i++) {
            OptionModel option = task.options().get(i);
            if (option.required()) {
                method.addStatement("$N.$N = $N", target, option.field(), valueNames.get(i));
            } else {
                method.beginControlFlow("if ($N != null)", valueNames.get(i))
                        .addStatement("$N.$N = $N", target, option.field(), valueNames.get(i))
                        .endControlFlow();
            }
        }
        return method.addStatement("return new $T($N)", kind, target).build();
    }

    private static CodeBlock conversion(OptionModel option, String raw) {
        if (option.type() == OptionType.ENUM) {
            return CodeBlock.of("$T.$N($N, $S, $T.values())", OPTION_CONVERTERS, option.type().converter(), raw,
                    option.name(), option.javaType());
        }
        return CodeBlock.of("$T.$N($N, $S)", OPTION_CONVERTERS, option.type().converter(), raw, option.name());
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
