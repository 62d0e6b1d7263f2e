package io.genja.processor.base;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Deferral by name: {@code Element}s are only valid in the round that produced them, so classes a step could not
 * process yet are remembered by qualified name and looked up afresh in the next round.
 */
public final class Rounds {

    private Rounds() {
    }

    /**
     * The classes to process this round: those deferred earlier (looked up again by name; {@code deferred} is
     * emptied) followed by the new classes annotated with {@code annotation}.
     */
    public static List<TypeElement> typesToProcess(RoundEnvironment round, String annotation, Set<String> deferred,
                                                   Elements elements) {
        Set<TypeElement> types = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                types.add(type);
            }
        }
        deferred.clear();
        TypeElement annotationType = elements.getTypeElement(annotation);
        if (annotationType != null) {
            Set<? extends Element> annotated = round.getElementsAnnotatedWith(annotationType);
            types.addAll(ElementFilter.typesIn(annotated));
        }
        return new ArrayList<>(types);
    }
}
