package io.genja.processor.task;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @GenjaTask} class as written, before any check: the values and the mirrors that diagnostics point at.
 *
 * @param processors the processor names with the annotation values they were written in
 * @param subTasks the {@code subTasks} entries; each value is normally a {@code DeclaredType}
 * @param supportsDryRun whether the annotation declares that the task honours a dry run
 * @param hierarchy the task class and its superclasses below {@code Object}, the topmost superclass first
 * @param options the {@code @TaskOption} fields of every class in {@code hierarchy}, in that order, each class's
 *     in declaration order
 */
record TaskDeclaration(TypeElement type, AnnotationMirror mirror, String name, String connectionPlugin,
                       List<Named> processors, List<AnnotationValue> subTasks, String description,
                       boolean supportsDryRun, List<TypeElement> hierarchy, List<Option> options) {

    /** A string array entry and the value it came from. */
    record Named(String name, AnnotationValue value) {
    }

    /**
     * A {@code @TaskOption} field of the task class or of one of its superclasses.
     *
     * @param owner the class that declares the field
     * @param type the field's type as a member of the task class (a superclass's {@code T} is its type argument)
     * @param name the explicit name, else the field name in snake_case
     * @param inherited whether {@code owner} is a superclass rather than the task class itself
     */
    record Option(VariableElement field, AnnotationMirror mirror, TypeElement owner, TypeMirror type, String name,
                  boolean required, String description, boolean inherited) {

        String ownerName() {
            return owner.getQualifiedName().toString();
        }
    }

    String qualifiedName() {
        return type.getQualifiedName().toString();
    }
}
