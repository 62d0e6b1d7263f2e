package io.genja.processor.base;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * What a validator found about one declaration: each item names the element, annotation and annotation value
 * at fault, so javac (and an IDE) marks the exact spot. Code is generated only from a {@linkplain #isClean()
 * clean} report.
 */
public final class ValidationReport {

    /** One finding; {@code mirror} and {@code value} may be {@code null} when there is nothing more precise. */
    public record Item(Diagnostic.Kind kind, String message, Element element, AnnotationMirror mirror,
                       AnnotationValue value) {
    }

    private final List<Item> items = new ArrayList<>();

    /** Adds an error. */
    public void error(String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
        items.add(new Item(Diagnostic.Kind.ERROR, message, element, mirror, value));
    }

    /** Adds a finding of the given kind: name checks are errors, or warnings with {@code -Agenja.validation=warning}. */
    public void add(Diagnostic.Kind kind, String message, Element element, AnnotationMirror mirror,
                    AnnotationValue value) {
        items.add(new Item(kind, message, element, mirror, value));
    }

    /** Whether nothing stops code generation (warnings do not). */
    public boolean isClean() {
        return items.stream().noneMatch(item -> item.kind() == Diagnostic.Kind.ERROR);
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    /** Prints every finding through {@code messager}, on its element, annotation and value. */
    public void printTo(Messager messager) {
        printTo(messager, new HashSet<>());
    }

    /**
     * Prints the findings not in {@code printed} (message and element) and adds them to it: for checks that reach
     * the same element from several declarations, such as a superclass's option field from each task.
     */
    public void printTo(Messager messager, Set<String> printed) {
        for (Item item : items) {
            if (!printed.add(item.kind() + " " + item.message() + " @ " + describe(item.element()))) {
                continue;
            }
            if (item.element() == null) {
                messager.printMessage(item.kind(), item.message());
            } else {
                messager.printMessage(item.kind(), item.message(), item.element(), item.mirror(), item.value());
            }
        }
    }

    /** An element's name with its enclosing class's: {@code com.acme.Base#dryRun}. */
    private static String describe(Element element) {
        if (element == null) {
            return "";
        }
        Element enclosing = element.getEnclosingElement();
        return enclosing == null ? element.toString() : enclosing + "#" + element;
    }
}
