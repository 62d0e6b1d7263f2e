package io.genja.processor.task;

import io.genja.annotations.GenjaTask;
import io.genja.annotations.TaskOption;
import io.genja.processor.base.Annotations;
import io.genja.processor.base.DeclarationChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Reads a {@code @GenjaTask} class into a {@link TaskDeclaration}; judges nothing. */
final class TaskParser {

    static final String GENJA_TASK = GenjaTask.class.getCanonicalName();
    static final String TASK_OPTION = TaskOption.class.getCanonicalName();

    private final DeclarationChecks checks;

    TaskParser(DeclarationChecks checks) {
        this.checks = checks;
    }

    /** The declaration of {@code type}, which carries {@code @GenjaTask}. */
    TaskDeclaration parse(TypeElement type) {
        AnnotationMirror mirror = Annotations.find(type, GENJA_TASK).orElseThrow();
        List<TaskDeclaration.Named> processors = new ArrayList<>();
        for (AnnotationValue value : Annotations.array(mirror, "processors")) {
            processors.add(new TaskDeclaration.Named(String.valueOf(value.getValue()), value));
        }
        List<TypeElement> hierarchy = checks.classHierarchy(type);
        List<TaskDeclaration.Option> options = new ArrayList<>();
        for (TypeElement owner : hierarchy) {
            for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
                Annotations.find(field, TASK_OPTION).ifPresent(option -> options.add(new TaskDeclaration.Option(
                        field, option, owner, checks.fieldType(type, field), optionName(field, option),
                        Annotations.bool(option, "required"), Annotations.string(option, "description"),
                        !owner.equals(type))));
            }
        }
        return new TaskDeclaration(type, mirror, Annotations.string(mirror, "name"),
                Annotations.string(mirror, "connectionPluginName"), processors,
                List.copyOf(Annotations.array(mirror, "subTasks")), Annotations.string(mirror, "description"),
                Annotations.bool(mirror, "supportsDryRun"), hierarchy, options);
    }

    /** The option name of a {@code @TaskOption} field: the explicit one, else the field name in snake_case. */
    static String optionName(VariableElement field, AnnotationMirror option) {
        String explicit = Annotations.string(option, "name");
        return explicit.isEmpty() ? snakeCase(field.getSimpleName().toString()) : explicit;
    }

    /**
     * What in {@code declaration} does not resolve to a type yet, if anything: another processor may generate it in
     * a later round, so the class is deferred until then.
     */
    Optional<String> unresolved(TaskDeclaration declaration) {
        for (TypeElement type : declaration.hierarchy()) {
            if (checks.hasUnresolvedSupertypes(type)) {
                return Optional.of("a supertype of " + type.getQualifiedName());
            }
        }
        for (AnnotationValue subTask : declaration.subTasks()) {
            if (!isResolvedType(subTask.getValue())) {
                return Optional.of("sub-task " + subTask);
            }
        }
        for (TaskDeclaration.Option option : declaration.options()) {
            if (option.type().getKind() == TypeKind.ERROR) {
                return Optional.of("the type of field " + option.field().getSimpleName() + " of " + option.ownerName());
            }
        }
        return Optional.empty();
    }

    /** Whether an annotation's {@code Class} value names a real type (javac gives an error marker otherwise). */
    static boolean isResolvedType(Object classValue) {
        return classValue instanceof TypeMirror type && type.getKind() == TypeKind.DECLARED;
    }

    /** {@code maxLines} becomes {@code max_lines}, {@code URLPath} becomes {@code url_path}. */
    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char previous = camel.charAt(i - 1);
                boolean afterWord = Character.isLowerCase(previous) || Character.isDigit(previous);
                boolean endOfAcronym = Character.isUpperCase(previous) && i + 1 < camel.length()
                        && Character.isLowerCase(camel.charAt(i + 1));
                if (afterWord || endOfAcronym) {
                    out.append('_');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
