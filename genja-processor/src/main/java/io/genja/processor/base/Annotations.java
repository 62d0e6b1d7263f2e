package io.genja.processor.base;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads annotations through their mirrors: {@code Class<?>} values cannot be read through
 * {@code getAnnotation} at compile time, and diagnostics need the mirror and value anyway.
 */
public final class Annotations {

    private Annotations() {
    }

    /** The annotation of type {@code annotationName} on {@code element}, if present. */
    public static Optional<AnnotationMirror> find(Element element, String annotationName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(annotationName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The value written in source for {@code attribute}, if any (not its default): the spot a diagnostic marks. */
    public static Optional<AnnotationValue> explicit(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** The value of {@code attribute}, written or defaulted. */
    public static AnnotationValue value(AnnotationMirror mirror, String attribute) {
        return explicit(mirror, attribute).orElseGet(() -> {
            for (Element member : mirror.getAnnotationType().asElement().getEnclosedElements()) {
                if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(attribute)) {
                    return method.getDefaultValue();
                }
            }
            throw new IllegalArgumentException(mirror + " has no attribute " + attribute);
        });
    }

    /** A string attribute, written or defaulted. */
    public static String string(AnnotationMirror mirror, String attribute) {
        Object value = value(mirror, attribute).getValue();
        return value instanceof String s ? s : String.valueOf(value);
    }

    /** A boolean attribute, written or defaulted. */
    public static boolean bool(AnnotationMirror mirror, String attribute) {
        return Boolean.TRUE.equals(value(mirror, attribute).getValue());
    }

    /**
     * The elements of an array attribute, written or defaulted. A single value written without braces
     * ({@code processors = "audit"}) is already an array of one in the mirror.
     */
    public static List<? extends AnnotationValue> array(AnnotationMirror mirror, String attribute) {
        Object value = value(mirror, attribute).getValue();
        if (value instanceof List<?> list) {
            return list.stream().map(AnnotationValue.class::cast).toList();
        }
        return List.of();
    }
}
