package io.genja.processor.component;

import io.genja.processor.base.Annotations;
import io.genja.processor.model.ComponentKind;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A plugin class (connection plugin, processor, inventory plugin, transform function, runner) as written. */
record ComponentDeclaration(ComponentKind kind, TypeElement type, AnnotationMirror mirror, String name) {

    /** Reads the declaration of {@code type}, which carries {@code kind}'s annotation. */
    static ComponentDeclaration parse(ComponentKind kind, TypeElement type) {
        AnnotationMirror mirror = Annotations.find(type, kind.annotation()).orElseThrow();
        return new ComponentDeclaration(kind, type, mirror, Annotations.string(mirror, "name"));
    }

    String qualifiedName() {
        return type.getQualifiedName().toString();
    }
}
