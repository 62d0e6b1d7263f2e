package io.genja.processor.task;

import com.palantir.javapoet.ClassName;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The names one generated source file uses for classes, and the imports they need, as JavaPoet chooses them: a
 * class of {@code java.lang} or of the file's own package by its simple name, any other class through an import,
 * and by its qualified name only when another class already took its simple name in this file.
 */
final class ImportedNames {

    private final ClassName fileClass;
    /** Which top-level class each simple name stands for in this file. */
    private final Map<String, ClassName> bySimpleName = new HashMap<>();
    private final TreeSet<String> imports = new TreeSet<>();

    /** For the source file of top-level class {@code fileClass}. */
    ImportedNames(ClassName fileClass) {
        this.fileClass = fileClass;
        bySimpleName.put(fileClass.simpleName(), fileClass);
    }

    /** How the file names {@code type}, importing it when that is needed. */
    String of(ClassName type) {
        ClassName topLevel = type.topLevelClassName();
        ClassName taken = bySimpleName.putIfAbsent(topLevel.simpleName(), topLevel);
        if (taken != null && !taken.equals(topLevel)) {
            return type.canonicalName();
        }
        if (!topLevel.packageName().equals("java.lang") && !topLevel.packageName().equals(fileClass.packageName())) {
            imports.add(topLevel.canonicalName());
        }
        return String.join(".", type.simpleNames());
    }

    /** The package declaration and the imports of every class named so far (sorted), each followed by a blank line. */
    String header() {
        StringBuilder header = new StringBuilder();
        if (!fileClass.packageName().isEmpty()) {
            header.append("package ").append(fileClass.packageName()).append(";\n\n");
        }
        imports.forEach(name -> header.append("import ").append(name).append(";\n"));
        return imports.isEmpty() ? header.toString() : header.append('\n').toString();
    }
}
