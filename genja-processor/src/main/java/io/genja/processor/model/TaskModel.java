package io.genja.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * One validated {@code @GenjaTask} class: everything the adapter, the catalog, the service file and the index
 * need.
 *
 * @param taskClass the annotated class
 * @param name the task name
 * @param connectionPlugin the connection plugin's name, empty when the task needs none
 * @param processors processor names, in declared order
 * @param subTasks the sub-tasks' task names, in declared order
 * @param options the {@code @TaskOption} fields, in declaration order
 * @param description from the annotation, else the first sentence of the Javadoc; may be empty
 * @param supportsDryRun whether the task declares that it honours a dry run
 * @param async whether the class implements {@code AsyncTask} (else {@code Task})
 * @param usesDeprecated whether the adapter names something deprecated: the task class or a class enclosing it, a
 *     superclass, an option field or its type
 */
public record TaskModel(ClassName taskClass, String name, String connectionPlugin, List<String> processors,
                        List<String> subTasks, List<OptionModel> options, String description, boolean supportsDryRun, boolean async,
                        boolean usesDeprecated) {

    public TaskModel {
        processors = List.copyOf(processors);
        subTasks = List.copyOf(subTasks);
        options = List.copyOf(options);
    }

    /** {@code com.acme.BackupConfig_GenjaAdapter}; for nested classes {@code com.acme.Outer_Inner_GenjaAdapter}. */
    public ClassName adapterClass() {
        return adapterClassOf(taskClass);
    }

    /** The adapter class of task class {@code taskClass}. */
    public static ClassName adapterClassOf(ClassName taskClass) {
        return ClassName.get(taskClass.packageName(), String.join("_", taskClass.simpleNames()) + "_GenjaAdapter");
    }

    /** The binary name of the task class ({@code com.acme.Outer$Inner}). */
    public String binaryName() {
        return BinaryName.of(taskClass);
    }
}
