package io.genja.processor.base;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
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
        Optional<String> notAClass = switch (type.getKind()) {
            case ENUM -> Optional.of("an enum");
            case INTERFACE -> Optional.of("an interface");
            case ANNOTATION_TYPE -> Optional.of("an annotation type");
            default -> Optional.empty();
        };
        if (notAClass.isPresent()) {
            // its constructors, modifiers and nesting would only give misleading advice
            report.error(Messages.notAClass(what, name, notAClass.get()), type, mirror, null);
            return;
        }
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
        // the implicit constructor has the class's access: making the class public, as reported above, is enough
        boolean noArgConstructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(constructor -> constructor.getParameters().isEmpty()
                        && (constructor.getModifiers().contains(Modifier.PUBLIC)
                        || elements.getOrigin(constructor) == Elements.Origin.MANDATED));
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

    /**
     * {@code type} and its superclasses up to, not including, {@code java.lang.Object}: the topmost superclass
     * first, {@code type} last. The walk stops at a superclass that does not resolve (yet).
     */
    public List<TypeElement> classHierarchy(TypeElement type) {
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement current = type; current != null; current = superclassOf(current)) {
            if (current.getQualifiedName().contentEquals("java.lang.Object")) {
                break;
            }
            hierarchy.add(current);
        }
        Collections.reverse(hierarchy);
        return hierarchy;
    }

    private static TypeElement superclassOf(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
    }

    /**
     * The type of {@code field} as a member of {@code type}: {@code T value} declared in {@code Base<T>} is a
     * {@code String} in {@code class Ping extends Base<String>}.
     */
    public TypeMirror fieldType(TypeElement type, VariableElement field) {
        if (type.asType() instanceof DeclaredType declared) {
            try {
                return types.asMemberOf(declared, field);
            } catch (IllegalArgumentException notAMember) {
                return field.asType();
            }
        }
        return field.asType();
    }

    /** The qualified name of the package {@code type} is in ({@code ""} for the unnamed package). */
    public String packageOf(TypeElement type) {
        return elements.getPackageOf(type).getQualifiedName().toString();
    }
}
