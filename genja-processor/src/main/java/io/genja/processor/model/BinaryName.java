package io.genja.processor.model;

import com.palantir.javapoet.ClassName;

/** Binary class names, as {@code ServiceLoader} and {@code Class.forName} want them ({@code com.acme.Outer$Inner}). */
public final class BinaryName {

    private BinaryName() {
    }

    public static String of(ClassName type) {
        String prefix = type.packageName().isEmpty() ? "" : type.packageName() + ".";
        return prefix + String.join("$", type.simpleNames());
    }
}
