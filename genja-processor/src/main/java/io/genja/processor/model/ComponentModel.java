package io.genja.processor.model;

import com.palantir.javapoet.ClassName;

/** One validated plugin class and the name it is known by. */
public record ComponentModel(ComponentKind kind, String name, ClassName type) {

    /** The binary name of the class, for {@code META-INF/services}. */
    public String binaryName() {
        return BinaryName.of(type);
    }
}
