package io.genja.processor.task;

import io.genja.annotations.GenjaIndexEntry;
import io.genja.processor.base.Annotations;
import io.genja.processor.base.Messages;
import io.genja.processor.base.ProcessorOptions;
import io.genja.processor.base.ValidationReport;
import io.genja.processor.index.IndexEntry;
import io.genja.processor.index.KnownNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/**
 * The checks that need every round: the task name is unique, the connection plugin and processors exist
 * (in this compilation, on the class path, or in {@code -A} options), and sub-tasks form no cycle.
 */
final class TaskNameChecks {

    private final ProcessorOptions options;

    TaskNameChecks(ProcessorOptions options) {
        this.options = options;
    }

    ValidationReport check(TaskDeclaration task, KnownNames known) {
        ValidationReport report = new ValidationReport();
        TypeElement type = task.type();
        AnnotationValue nameValue = Annotations.explicit(task.mirror(), "name").orElse(null);
        IndexEntry self = new IndexEntry(GenjaIndexEntry.Kind.TASK, task.name(), task.qualifiedName());
        known.duplicateInCompilation(self).ifPresent(other -> report.error(
                Messages.duplicateName("task", task.name(), task.qualifiedName(), other.type(), false),
                type, task.mirror(), nameValue));
        known.duplicateOnClassPath(self).ifPresent(other -> report.add(options.nameCheckKind(),
                Messages.duplicateName("task", task.name(), task.qualifiedName(), other.type(), true),
                type, task.mirror(), nameValue));

        Set<String> plugins = known.names(GenjaIndexEntry.Kind.CONNECTION_PLUGIN);
        if (!task.connectionPlugin().isEmpty() && !plugins.contains(task.connectionPlugin())) {
            report.add(options.nameCheckKind(), Messages.unknownPlugin(task.name(), task.connectionPlugin(), plugins),
                    type, task.mirror(), Annotations.explicit(task.mirror(), "connectionPluginName").orElse(null));
        }
        Set<String> processors = known.names(GenjaIndexEntry.Kind.PROCESSOR);
        for (TaskDeclaration.Named processor : task.processors()) {
            if (!processors.contains(processor.name())) {
                report.add(options.nameCheckKind(),
                        Messages.unknownProcessor(task.name(), processor.name(), processors),
                        type, task.mirror(), processor.value());
            }
        }
        checkCycle(task, report);
        return report;
    }

    /** Reports the first sub-task cycle through {@code task}, on the {@code subTasks} entry that starts it. */
    private static void checkCycle(TaskDeclaration task, ValidationReport report) {
        for (AnnotationValue value : task.subTasks()) {
            Optional<TypeElement> first = subTask(value);
            if (first.isEmpty()) {
                continue;
            }
            List<String> path = new ArrayList<>(List.of(task.name(), taskName(first.get())));
            if (first.get().equals(task.type()) || leadsBack(first.get(), task.type(), path, new HashSet<>())) {
                report.error(Messages.subTaskCycle(task.name(), path), task.type(), task.mirror(), value);
                return;
            }
        }
    }

    /** Depth-first: whether a path of sub-tasks leads from {@code current} to {@code start}; {@code path} holds it. */
    private static boolean leadsBack(TypeElement current, TypeElement start, List<String> path, Set<String> visited) {
        if (!visited.add(current.getQualifiedName().toString())) {
            return false;
        }
        for (TypeElement next : subTasksOf(current)) {
            path.add(taskName(next));
            if (next.equals(start) || leadsBack(next, start, path, visited)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    /** The sub-task classes of a task class, compiled now or read from the class path. */
    private static List<TypeElement> subTasksOf(TypeElement type) {
        Optional<AnnotationMirror> mirror = Annotations.find(type, TaskParser.GENJA_TASK);
        if (mirror.isEmpty()) {
            return List.of();
        }
        return Annotations.array(mirror.get(), "subTasks").stream().map(TaskNameChecks::subTask)
                .flatMap(Optional::stream).toList();
    }

    private static Optional<TypeElement> subTask(AnnotationValue value) {
        return TaskParser.isResolvedType(value.getValue())
                ? Optional.of((TypeElement) ((DeclaredType) value.getValue()).asElement())
                : Optional.empty();
    }

    private static String taskName(TypeElement type) {
        return Annotations.find(type, TaskParser.GENJA_TASK).map(mirror -> Annotations.string(mirror, "name"))
                .orElse(type.getQualifiedName().toString());
    }
}
