package io.genja.processor.task;

import io.genja.processor.base.Annotations;
import io.genja.processor.base.DeclarationChecks;
import io.genja.processor.base.Messages;
import io.genja.processor.base.ValidationReport;
import io.genja.processor.model.OptionType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The checks of one {@code @GenjaTask} class on its own: its shape, its interface, its name's form, its sub-task
 * classes and its options, those it inherits from superclasses included. Names that need the whole compilation are checked by {@link TaskNameChecks}.
 */
final class TaskValidator {

    static final String WHAT = "@GenjaTask class";
    static final String TASK = "io.genja.task.Task";
    static final String ASYNC_TASK = "io.genja.task.AsyncTask";

    private final DeclarationChecks checks;
    /** Whether an element is compiled from source in this compilation (else it comes from a jar or class folder). */
    private final Predicate<Element> inSource;

    TaskValidator(DeclarationChecks checks, Predicate<Element> inSource) {
        this.checks = checks;
        this.inSource = inSource;
    }

    ValidationReport validate(TaskDeclaration task) {
        ValidationReport report = new ValidationReport();
        TypeElement type = task.type();
        checks.checkInstantiable(type, WHAT, task.mirror(), report);
        checkInterface(task, report);
        checks.checkName(task.name(), "task", type, WHAT, task.mirror(), report);
        for (AnnotationValue subTask : task.subTasks()) {
            checkSubTask(task, subTask, report);
        }
        checkOptions(task, report);
        return report;
    }

    private void checkInterface(TaskDeclaration task, ValidationReport report) {
        TypeElement type = task.type();
        Optional<TypeElement> sync = checks.runtimeType(TASK, type, task.mirror(), report);
        Optional<TypeElement> async = checks.runtimeType(ASYNC_TASK, type, task.mirror(), report);
        if (sync.isEmpty() || async.isEmpty()) {
            return;
        }
        boolean isTask = checks.isSubtype(type, sync.get());
        boolean isAsyncTask = checks.isSubtype(type, async.get());
        if (!isTask && !isAsyncTask) {
            report.error(Messages.notATask(task.qualifiedName()), type, task.mirror(), null);
        } else if (isTask && isAsyncTask) {
            report.error(Messages.taskAndAsyncTask(task.qualifiedName()), type, task.mirror(), null);
        }
    }

    private void checkSubTask(TaskDeclaration task, AnnotationValue subTask, ValidationReport report) {
        if (!TaskParser.isResolvedType(subTask.getValue())) {
            // a class that does not exist (after every round): javac itself reports "cannot find symbol" on this
            // very spot, and the class is not processed; a second error would only repeat it
            return;
        }
        TypeElement subType = (TypeElement) ((DeclaredType) subTask.getValue()).asElement();
        if (Annotations.find(subType, TaskParser.GENJA_TASK).isEmpty()) {
            report.error(Messages.notASubTask(task.name(), subType.getQualifiedName().toString()), task.type(),
                    task.mirror(), subTask);
        }
    }

    private void checkOptions(TaskDeclaration task, ValidationReport report) {
        Map<String, TaskDeclaration.Option> byName = new HashMap<>();
        for (TaskDeclaration.Option option : task.options()) {
            Spot spot = spot(task, option.field(), option.mirror());
            checkField(option.field(), option.mirror(), option.ownerName(), option.type(), option.name(),
                    !option.inherited(), spot, report);
            checkAccess(task, option, spot, report);
            TaskDeclaration.Option earlier = byName.putIfAbsent(option.name(), option);
            if (earlier != null && !hides(option.field(), earlier)) {
                spot.error(report, Messages.duplicateOption(option.name(), simpleName(option.field()), option.ownerName(),
                        simpleName(earlier.field()), earlier.ownerName()), nameValue(option.mirror()));
            }
        }
        checkHiddenOptions(task, report);
    }

    /**
     * The checks of a non-task class that carries {@code @TaskOption} fields for the tasks that extend it: each
     * field on its own and the option names within the class. What depends on the task (its package, its other
     * options) is checked with each task.
     */
    ValidationReport validateSuperclassOptions(TypeElement owner) {
        ValidationReport report = new ValidationReport();
        String ownerName = owner.getQualifiedName().toString();
        Map<String, VariableElement> byName = new HashMap<>();
        for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
            Optional<AnnotationMirror> option = Annotations.find(field, TaskParser.TASK_OPTION);
            if (option.isEmpty()) {
                continue;
            }
            Spot spot = new Spot(field, option.get(), null);
            String name = TaskParser.optionName(field, option.get());
            checkField(field, option.get(), ownerName, field.asType(), name, false, spot, report);
            VariableElement earlier = byName.putIfAbsent(name, field);
            if (earlier != null) {
                spot.error(report, Messages.duplicateOption(name, simpleName(field), ownerName, simpleName(earlier),
                        ownerName), nameValue(option.get()));
            }
        }
        return report;
    }

    /**
     * What makes a {@code @TaskOption} field unusable whichever task inherits it: static, final or private, a type
     * Genja cannot convert to or cannot name, a malformed option name. {@code own}: a field of the task class itself
     * rather than of a superclass. A superclass's field whose type is a type variable is checked with each task,
     * where it has a type argument.
     */
    private static void checkField(VariableElement field, AnnotationMirror mirror, String owner, TypeMirror type,
                                   String optionName, boolean own, Spot spot, ValidationReport report) {
        String fieldName = simpleName(field);
        for (Modifier modifier : new Modifier[] {Modifier.STATIC, Modifier.FINAL, Modifier.PRIVATE}) {
            if (field.getModifiers().contains(modifier)) {
                spot.error(report, own || modifier != Modifier.PRIVATE
                        ? Messages.optionModifier(fieldName, owner, modifier.toString())
                        : Messages.superclassOptionPrivate(fieldName, owner, packageName(field)), null);
            }
        }
        if (OptionTypes.of(type).isEmpty()) {
            // a type variable is checked with each task; a type that does not exist javac reports itself
            if (type.getKind() != TypeKind.TYPEVAR && type.getKind() != TypeKind.ERROR) {
                spot.error(report, Messages.optionType(fieldName, owner, type.toString(), OptionType.SUPPORTED), null);
            }
        } else if (isPrivateType(type)) {
            spot.error(report, Messages.optionTypePrivate(fieldName, owner, type.toString()), null);
        }
        if (!DeclarationChecks.NAME.matcher(optionName).matches()) {
            spot.error(report, Messages.invalidOptionName(optionName, fieldName, owner), nameValue(mirror));
        }
    }

    /**
     * Whether the generated adapter, in the task's package, can assign the field and name its type: a superclass
     * in another package must make both public.
     */
    private void checkAccess(TaskDeclaration task, TaskDeclaration.Option option, Spot spot,
                             ValidationReport report) {
        String taskPackage = checks.packageOf(task.type());
        Set<Modifier> modifiers = option.field().getModifiers();
        if (option.inherited() && !modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.PRIVATE)
                && !checks.packageOf(option.owner()).equals(taskPackage)) {
            spot.error(report, Messages.optionInaccessible(simpleName(option.field()), option.ownerName(),
                    modifiers.contains(Modifier.PROTECTED) ? "protected" : "package-private", task.qualifiedName(),
                    taskPackage), null);
        }
        if (option.type() instanceof DeclaredType declared) {
            for (Element e = declared.asElement(); e instanceof TypeElement nested; e = e.getEnclosingElement()) {
                if (!nested.getModifiers().contains(Modifier.PUBLIC) && !nested.getModifiers().contains(Modifier.PRIVATE)
                        && !checks.packageOf(nested).equals(taskPackage)) {
                    spot.error(report, Messages.optionTypeInaccessible(simpleName(option.field()), option.ownerName(),
                            nested.getQualifiedName().toString(), task.qualifiedName(), taskPackage), null);
                    break;
                }
            }
        }
    }

    /**
     * A field of a subclass with the name of a superclass's option field hides it: {@code task.dryRun = ..} in the
     * adapter would assign the subclass's field, and the option would never reach the superclass.
     */
    private void checkHiddenOptions(TaskDeclaration task, ValidationReport report) {
        List<TypeElement> hierarchy = task.hierarchy();
        for (TaskDeclaration.Option option : task.options()) {
            for (int i = hierarchy.indexOf(option.owner()) + 1; i < hierarchy.size(); i++) {
                TypeElement subclass = hierarchy.get(i);
                for (VariableElement field : ElementFilter.fieldsIn(subclass.getEnclosedElements())) {
                    if (field.getSimpleName().equals(option.field().getSimpleName())) {
                        AnnotationMirror mirror = Annotations.find(field, TaskParser.TASK_OPTION).orElse(null);
                        spot(task, field, mirror).error(report, Messages.optionHidden(simpleName(field),
                                subclass.getQualifiedName().toString(), option.ownerName()), null);
                    }
                }
            }
        }
    }

    /** Whether {@code field} hides the field of {@code earlier}, which is reported as such, not as a duplicate. */
    private static boolean hides(VariableElement field, TaskDeclaration.Option earlier) {
        return field.getSimpleName().equals(earlier.field().getSimpleName())
                && !field.getEnclosingElement().equals(earlier.owner());
    }

    /**
     * Where a problem with {@code field} is reported: on the field when it is compiled from source in this
     * compilation, else (a superclass from a jar or class folder) on the task class, whose message then says why.
     */
    private Spot spot(TaskDeclaration task, VariableElement field, AnnotationMirror mirror) {
        if (inSource.test(field)) {
            return new Spot(field, mirror, null);
        }
        return new Spot(task.type(), task.mirror(), task.qualifiedName());
    }

    /**
     * An element, annotation and owner to report on; {@code inheritedBy} is the task class when the problem is in
     * a compiled superclass and is reported on the task instead.
     */
    private record Spot(Element element, AnnotationMirror mirror, String inheritedBy) {

        void error(ValidationReport report, String message, AnnotationValue value) {
            if (inheritedBy == null) {
                report.error(message, element, mirror, value);
            } else {
                report.error(Messages.inCompiledSuperclass(message, inheritedBy), element, mirror, null);
            }
        }
    }

    private static AnnotationValue nameValue(AnnotationMirror option) {
        return option == null ? null : Annotations.explicit(option, "name").orElse(null);
    }

    private static String simpleName(Element element) {
        return element.getSimpleName().toString();
    }

    private static String packageName(VariableElement field) {
        Element e = field;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }

    /** Whether the type (a nested enum, say) or a class enclosing it is private, so other classes cannot name it. */
    private static boolean isPrivateType(TypeMirror type) {
        if (!(type instanceof DeclaredType declared)) {
            return false;
        }
        for (Element e = declared.asElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }
}
