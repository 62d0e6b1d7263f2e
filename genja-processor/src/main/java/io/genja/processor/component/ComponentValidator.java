package io.genja.processor.component;

import io.genja.processor.base.Annotations;
import io.genja.processor.base.DeclarationChecks;
import io.genja.processor.base.Messages;
import io.genja.processor.base.ProcessorOptions;
import io.genja.processor.base.ValidationReport;
import io.genja.processor.index.IndexEntry;
import io.genja.processor.index.KnownNames;
import javax.lang.model.element.AnnotationValue;

/** Checks a plugin class: on its own each round, and its name in the last round. */
final class ComponentValidator {

    private final DeclarationChecks checks;
    private final ProcessorOptions options;
    private final ReturnedName returnedName;

    ComponentValidator(DeclarationChecks checks, ProcessorOptions options, ReturnedName returnedName) {
        this.checks = checks;
        this.options = options;
        this.returnedName = returnedName;
    }

    /**
     * Instantiable by {@code ServiceLoader}, implements its interface, has a well-formed name, and its
     * {@code name()} returns that name where the source shows it.
     */
    ValidationReport validate(ComponentDeclaration component) {
        ValidationReport report = new ValidationReport();
        String what = component.kind().what();
        checks.checkInstantiable(component.type(), what, component.mirror(), report);
        String iface = component.kind().serviceInterface();
        checks.runtimeType(iface, component.type(), component.mirror(), report)
                .filter(type -> !checks.isSubtype(component.type(), type))
                .ifPresent(type -> report.error(Messages.notImplementing(what, component.qualifiedName(), iface),
                        component.type(), component.mirror(), null));
        checks.checkName(component.name(), component.kind().noun(), component.type(), what, component.mirror(), report);
        returnedName.of(component.type()).filter(returned -> !returned.equals(component.name()))
                .ifPresent(returned -> report.error(
                        Messages.nameMismatch(what, component.qualifiedName(), component.name(), returned),
                        component.type(), component.mirror(),
                        Annotations.explicit(component.mirror(), "name").orElse(null)));
        return report;
    }

    /**
     * The name is unique in this compilation and on the class path (at run time, {@code PluginManager.discover}
     * refuses two classes with one name).
     */
    ValidationReport checkNames(ComponentDeclaration component, KnownNames known) {
        ValidationReport report = new ValidationReport();
        AnnotationValue nameValue = Annotations.explicit(component.mirror(), "name").orElse(null);
        IndexEntry self = new IndexEntry(component.kind().indexKind(), component.name(), component.qualifiedName());
        String noun = component.kind().noun();
        known.duplicateInCompilation(self).ifPresent(other -> report.error(
                Messages.duplicateName(noun, component.name(), component.qualifiedName(), other.type(), false),
                component.type(), component.mirror(), nameValue));
        known.duplicateOnClassPath(self).ifPresent(other -> report.add(options.nameCheckKind(),
                Messages.duplicateName(noun, component.name(), component.qualifiedName(), other.type(), true),
                component.type(), component.mirror(), nameValue));
        return report;
    }
}
