package io.genja.processor;

import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks every annotated class shares: its shape, its interfaces and its name. */
public final class DeclarationChecks {

    /** What task, plugin, processor and option names may contain. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Elements elements;
    private final Types types;

    public DeclarationChecks(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * Public, not abstract, top-level or static nested, not generic, with a public no-arg constructor: what
     * {@code new Type()} from another class and {@code ServiceLoader} need.
     */
    public void checkInstantiable(TypeElement type, String what, AnnotationMirror mirror, ValidationReport report) {
        String name = type.getQualifiedName().toString();
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            report.error(Messages.notPublic(what, name), type, mirror, null);
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            report.error(Messages.isAbstract(what, name), type, mirror, null);
        }
        boolean staticNested = type.getNestingKind() == NestingKind.MEMBER
                && type.getModifiers().contains(Modifier.STATIC);
        if (type.getNestingKind() != NestingKind.TOP_LEVEL && !staticNested) {
            report.error(Messages.innerClass(what, name), type, mirror, null);
        }
        if (!type.getTypeParameters().isEmpty()) {
            report.error(Messages.generic(what, name), type, mirror, null);
        }
        boolean noArgConstructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(constructor -> constructor.getParameters().isEmpty()
                        && constructor.getModifiers().contains(Modifier.PUBLIC));
        if (!noArgConstructor) {
            report.error(Messages.noConstructor(what, name), type, mirror, null);
        }
    }

    /** Non-blank and made of {@link #NAME}'s characters; reported on the {@code name} value. */
    public void checkName(String name, String kind, TypeElement type, String what, AnnotationMirror mirror,
                          ValidationReport report) {
        AnnotationValue value = Annotations.explicit(mirror, "name").orElse(null);
        if (name.isBlank()) {
            report.error(Messages.blankName(what, type.getQualifiedName().toString()), type, mirror, value);
        } else if (!NAME.matcher(name).matches()) {
            report.error(Messages.invalidName(kind, name, type.getQualifiedName().toString()), type, mirror, value);
        }
    }

    /**
     * The Genja runtime type called {@code name}, looked up in the compilation's class path (the runtime is not on
     * the processor's own). When it is missing, that is reported on {@code type} and the result is empty.
     */
    public Optional<TypeElement> runtimeType(String name, TypeElement type, AnnotationMirror mirror,
                                             ValidationReport report) {
        TypeElement found = elements.getTypeElement(name);
        if (found == null) {
            report.error(Messages.runtimeMissing(name), type, mirror, null);
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code type} is a subtype of {@code supertype}, ignoring type arguments. */
    public boolean isSubtype(TypeElement type, TypeElement supertype) {
        return types.isAssignable(types.erasure(type.asType()), types.erasure(supertype.asType()));
    }

    /** Whether a direct supertype of {@code type} is not resolved yet (another processor may generate it). */
    public boolean hasUnresolvedSupertypes(TypeElement type) {
        return type.getSuperclass().getKind() == TypeKind.ERROR
                || type.getInterfaces().stream().anyMatch(i -> i.getKind() == TypeKind.ERROR);
    }
}
