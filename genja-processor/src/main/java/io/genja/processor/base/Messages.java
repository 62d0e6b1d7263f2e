package io.genja.processor.base;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every message the processor prints, in one place. Each starts with a stable tag ({@code [genja.unknown-plugin]})
 * that tests, docs and users can search for; the wording says what is wrong, what is known and what would be
 * right.
 */
public final class Messages {

    private Messages() {
    }

    public static String internal(String trace) {
        return "[genja.internal] the Genja annotation processor failed; this is a bug in genja-processor, "
                + "please report it with this trace:\n" + trace;
    }

    public static String writeFailed(String detail) {
        return "[genja.write-failed] the Genja annotation processor could not write a generated file: " + detail
                + ". Another annotation processor may write a file of the same name";
    }

    public static String badOption(String option, String value, String expected) {
        return "[genja.bad-option] -A" + option + "=" + value + " is not valid; expected " + expected;
    }

    public static String notPublic(String what, String type) {
        return "[genja.not-public] " + what + " " + type + " must be public: the generated code and ServiceLoader "
                + "create it from another class";
    }

    public static String notAClass(String what, String type, String kind) {
        return "[genja.not-a-class] " + what + " " + type + " is " + kind + "; it must be a class, which Genja "
                + "creates with 'new " + simpleName(type) + "()'";
    }

    public static String isAbstract(String what, String type) {
        return "[genja.abstract] " + what + " " + type + " must not be abstract: Genja creates instances of it";
    }

    public static String innerClass(String what, String type) {
        return "[genja.inner-class] " + what + " " + type + " must be a top-level or static nested class; "
                + "add 'static' or move it to its own file";
    }

    public static String generic(String what, String type) {
        return "[genja.generic-class] " + what + " " + type + " must not have type parameters: Genja creates it "
                + "without knowing what they would be";
    }

    public static String noConstructor(String what, String type) {
        return "[genja.no-constructor] " + what + " " + type + " needs a public constructor without parameters: "
                + "Genja creates it with 'new " + simpleName(type) + "()'";
    }

    public static String notATask(String type) {
        return "[genja.not-a-task] @GenjaTask class " + type + " implements neither io.genja.task.Task nor "
                + "io.genja.task.AsyncTask; implement exactly one of them";
    }

    public static String taskAndAsyncTask(String type) {
        return "[genja.task-and-async-task] @GenjaTask class " + type + " implements both io.genja.task.Task and "
                + "io.genja.task.AsyncTask; implement exactly one of them";
    }

    public static String notImplementing(String what, String type, String iface) {
        return "[genja.missing-interface] " + what + " " + type + " does not implement " + iface
                + "; Genja loads it as one";
    }

    public static String runtimeMissing(String iface) {
        return "[genja.runtime-missing] " + iface + " is not on the compile class path; add a dependency on "
                + "io.genja:genja-runtime";
    }

    public static String blankName(String what, String type) {
        return "[genja.blank-name] " + what + " " + type + " needs a non-blank name";
    }

    public static String invalidName(String kind, String name, String type) {
        return "[genja.invalid-name] " + kind + " name \"" + name + "\" of " + type
                + " may only contain letters, digits, '_', '.' and '-'";
    }

    public static String duplicateName(String kind, String name, String type, String other, boolean onClassPath) {
        return "[genja.duplicate-name] " + kind + " name \"" + name + "\" of " + type + " is already used by "
                + other + (onClassPath ? " on the class path" : " in this compilation") + "; " + kind
                + " names must be unique";
    }

    /** {@code declarations}: "com.a.One (in /m2/a.jar)" and the like. */
    public static String duplicateNameOnClassPath(String kind, String name, List<String> declarations) {
        return "[genja.duplicate-name] " + kind + " name \"" + name + "\" is declared on the class path by "
                + String.join(" and by ", declarations) + "; at run time Genja would find two " + kind + "s of that "
                + "name. Depend on only one of them, or rename one of the " + kind + "s";
    }

    public static String nameMismatch(String what, String type, String annotated, String returned) {
        return "[genja.name-mismatch] " + what + " " + type + " is annotated with name \"" + annotated
                + "\" but its name() returns \"" + returned + "\"; make them the same (tasks and settings are "
                + "checked against the annotation, the run finds the class by name())";
    }

    public static String unknownPlugin(String task, String plugin, Collection<String> known) {
        return "[genja.unknown-plugin] task \"" + task + "\" names connection plugin \"" + plugin
                + "\", which is not known. Known: " + list(known) + "."
                + hint(plugin, known, "a plugin registered only at run time can be declared with "
                + "-Agenja.connectionPlugins=" + plugin);
    }

    public static String unknownProcessor(String task, String processor, Collection<String> known) {
        return "[genja.unknown-processor] task \"" + task + "\" names processor \"" + processor
                + "\", which is not known. Known: " + list(known) + "."
                + hint(processor, known, "a processor registered only at run time can be declared with "
                + "-Agenja.processors=" + processor);
    }

    public static String notASubTask(String task, String subTask) {
        return "[genja.not-a-sub-task] task \"" + task + "\" lists sub-task " + subTask
                + ", which is not annotated @GenjaTask; sub-tasks must be Genja tasks";
    }

    public static String subTaskCycle(String task, List<String> cycle) {
        return "[genja.sub-task-cycle] task \"" + task + "\" is part of a sub-task cycle: " + String.join(" -> ", cycle)
                + "; sub-tasks must form a tree";
    }

    public static String optionModifier(String field, String type, String modifier) {
        return "[genja.option-" + modifier + "] @TaskOption field " + field + " of " + type + " must not be "
                + modifier + ": Genja assigns it on each new task object"
                + ("private".equals(modifier) ? " from the generated adapter; make it package-private" : "");
    }

    public static String optionType(String field, String type, String fieldType, String supported) {
        return "[genja.option-type] @TaskOption field " + field + " of " + type + " has type " + fieldType
                + ", which Genja cannot convert options to. Supported: " + supported;
    }

    public static String optionTypePrivate(String field, String type, String fieldType) {
        return "[genja.option-type-private] @TaskOption field " + field + " of " + type + " has type " + fieldType
                + ", which is private: the generated adapter cannot name it; make the type package-private or public";
    }

    public static String invalidOptionName(String option, String field, String type) {
        return "[genja.option-name] option name \"" + option + "\" of field " + field + " in " + type
                + " must be non-blank and may only contain letters, digits, '_', '.' and '-'";
    }

    public static String superclassOptionPrivate(String field, String type, String typePackage) {
        return "[genja.option-private] @TaskOption field " + field + " of " + type + " must not be private: the "
                + "generated adapter of each task class that extends " + simpleName(type) + " assigns it; make it "
                + "public (package-private is enough when every such task is in package "
                + packageText(typePackage) + ")";
    }

    public static String optionInaccessible(String field, String type, String access, String task,
                                            String taskPackage) {
        return "[genja.option-inaccessible] @TaskOption field " + field + " of " + type + " is " + access
                + ", so the generated adapter of @GenjaTask class " + task + ", in package " + packageText(taskPackage)
                + ", cannot assign it; make the field public, or move " + simpleName(type) + " into package "
                + packageText(taskPackage);
    }

    public static String optionTypeInaccessible(String field, String type, String fieldType, String task,
                                                String taskPackage) {
        return "[genja.option-inaccessible] @TaskOption field " + field + " of " + type + " has type " + fieldType
                + ", which is not public, so the generated adapter of @GenjaTask class " + task + ", in package "
                + packageText(taskPackage) + ", cannot name it; make " + simpleName(fieldType)
                + " public, or move it into package " + packageText(taskPackage);
    }

    public static String duplicateOption(String option, String field, String type, String other, String otherType) {
        return "[genja.duplicate-option] option name \"" + option + "\" of field " + field + " in " + type
                + " is also used by field " + other + (otherType.equals(type) ? "" : " of superclass " + otherType)
                + "; option names must be unique per task, superclasses included";
    }

    public static String optionHidden(String field, String type, String superclass) {
        return "[genja.option-hidden] field " + field + " of " + type + " hides @TaskOption field " + field
                + " of superclass " + superclass + ": the generated adapter would assign " + simpleName(type) + "'s "
                + "field and the option would never reach " + simpleName(superclass) + "'s; remove the field from "
                + simpleName(type) + " (it inherits the option) or rename one of them";
    }

    /** {@code message} about a compiled superclass's field, reported on the task class that inherits it. */
    public static String inCompiledSuperclass(String message, String task) {
        return message + " (reported on " + task + ", which inherits the field from a compiled class)";
    }

    public static String optionOutsideTask(String field, String type, String kind) {
        return "[genja.option-outside-task] @TaskOption field " + field + " is in " + type + ", " + kind
                + ", which can be neither a @GenjaTask nor the superclass of one; options are bound only on task "
                + "classes and their superclasses. Move the field into the task class"
                + ("a final class".equals(kind) ? ", or remove 'final' so tasks can extend " + simpleName(type) : "");
    }

    public static String moduleMustProvide(String module, String service, List<String> implementations) {
        return "[genja.module-provides] module " + module + " must provide what Genja generated for it: in a named "
                + "module ServiceLoader reads module-info.java, not META-INF/services. Write in module-info.java:\n"
                + "    provides " + service + " with " + String.join(", ", implementations) + ";";
    }

    private static String list(Collection<String> known) {
        return known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known));
    }

    private static String hint(String wrong, Collection<String> known, String otherwise) {
        Optional<String> suggestion = Suggestions.closest(wrong, known);
        return suggestion.map(s -> " Did you mean \"" + s + "\"?").orElse(" Check the spelling; " + otherwise + ".");
    }

    private static String packageText(String packageName) {
        return packageName.isEmpty() ? "(unnamed)" : packageName;
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
