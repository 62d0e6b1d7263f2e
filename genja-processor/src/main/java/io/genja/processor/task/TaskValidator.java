package io.genja.processor.task;

import io.genja.processor.Annotations;
import io.genja.processor.DeclarationChecks;
import io.genja.processor.Messages;
import io.genja.processor.ValidationReport;
import io.genja.processor.model.OptionType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The checks of one {@code @GenjaTask} class on its own: its shape, its interface, its name's form, its sub-task
 * classes and its options. Names that need the whole compilation are checked by {@link TaskNameChecks}.
 */
final class TaskValidator {

    static final String WHAT = "@GenjaTask class";
    static final String TASK = "io.genja.task.Task";
    static final String ASYNC_TASK = "io.genja.task.AsyncTask";

    private final DeclarationChecks checks;

    TaskValidator(DeclarationChecks checks) {
        this.checks = checks;
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
            report.error(Messages.unresolvedType(task.qualifiedName(), "sub-task " + subTask), task.type(),
                    task.mirror(), subTask);
            return;
        }
        TypeElement subType = (TypeElement) ((DeclaredType) subTask.getValue()).asElement();
        if (Annotations.find(subType, TaskParser.GENJA_TASK).isEmpty()) {
            report.error(Messages.notASubTask(task.name(), subType.getQualifiedName().toString()), task.type(),
                    task.mirror(), subTask);
        }
    }

    private void checkOptions(TaskDeclaration task, ValidationReport report) {
        Map<String, VariableElement> byName = new HashMap<>();
        for (TaskDeclaration.Option option : task.options()) {
            VariableElement field = option.field();
            String fieldName = field.getSimpleName().toString();
            for (Modifier modifier : new Modifier[] {Modifier.STATIC, Modifier.FINAL, Modifier.PRIVATE}) {
                if (field.getModifiers().contains(modifier)) {
                    report.error(Messages.optionModifier(fieldName, task.qualifiedName(), modifier.toString()),
                            field, option.mirror(), null);
                }
            }
            if (OptionTypes.of(field.asType()).isEmpty()) {
                report.error(Messages.optionType(fieldName, task.qualifiedName(), field.asType().toString(),
                        OptionType.SUPPORTED), field, option.mirror(), null);
            } else if (isPrivateType(field.asType())) {
                report.error(Messages.optionTypePrivate(fieldName, task.qualifiedName(), field.asType().toString()),
                        field, option.mirror(), null);
            }
            AnnotationValue nameValue = Annotations.explicit(option.mirror(), "name").orElse(null);
            if (!DeclarationChecks.NAME.matcher(option.name()).matches()) {
                report.error(Messages.invalidOptionName(option.name(), fieldName, task.qualifiedName()), field,
                        option.mirror(), nameValue);
            }
            VariableElement earlier = byName.putIfAbsent(option.name(), field);
            if (earlier != null) {
                report.error(Messages.duplicateOption(option.name(), fieldName, earlier.getSimpleName().toString(),
                        task.qualifiedName()), field, option.mirror(), nameValue);
            }
        }
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
