package io.genja.processor.task;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A {@code @GenjaTask} class as written, before any check: the values and the mirrors that diagnostics point at.
 *
 * @param processors the processor names with the annotation values they were written in
 * @param subTasks the {@code subTasks} entries; each value is normally a {@code DeclaredType}
 */
record TaskDeclaration(TypeElement type, AnnotationMirror mirror, String name, String connectionPlugin,
                       List<Named> processors, List<AnnotationValue> subTasks, String description,
                       List<Option> options) {

    /** A string array entry and the value it came from. */
    record Named(String name, AnnotationValue value) {
    }

    /**
     * A {@code @TaskOption} field.
     *
     * @param name the explicit name, else the field name in snake_case
     */
    record Option(VariableElement field, AnnotationMirror mirror, String name, boolean required, String description) {
    }

    String qualifiedName() {
        return type.getQualifiedName().toString();
    }
}
