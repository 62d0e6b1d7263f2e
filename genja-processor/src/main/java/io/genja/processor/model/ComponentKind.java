package io.genja.processor.model;

import io.genja.annotations.GenjaConnectionPlugin;
import io.genja.annotations.GenjaIndexEntry;
import io.genja.annotations.GenjaInventoryPlugin;
import io.genja.annotations.GenjaProcessor;
import io.genja.annotations.GenjaRunner;
import io.genja.annotations.GenjaTransformFunction;

/**
 * The kinds of named plugin classes besides tasks: connection plugins, task processors, inventory plugins, transform
 * functions and runners. Each is checked, indexed and registered for {@code ServiceLoader} the same way.
 */
public enum ComponentKind {
    CONNECTION_PLUGIN(GenjaConnectionPlugin.class.getCanonicalName(), "@GenjaConnectionPlugin class",
            "connection plugin", "io.genja.connection.ConnectionPlugin", GenjaIndexEntry.Kind.CONNECTION_PLUGIN),
    PROCESSOR(GenjaProcessor.class.getCanonicalName(), "@GenjaProcessor class", "processor",
            "io.genja.task.TaskProcessor", GenjaIndexEntry.Kind.PROCESSOR),
    INVENTORY_PLUGIN(GenjaInventoryPlugin.class.getCanonicalName(), "@GenjaInventoryPlugin class", "inventory plugin",
            "io.genja.inventory.InventoryPlugin", GenjaIndexEntry.Kind.INVENTORY_PLUGIN),
    TRANSFORM_FUNCTION(GenjaTransformFunction.class.getCanonicalName(), "@GenjaTransformFunction class",
            "transform function", "io.genja.inventory.TransformFunction", GenjaIndexEntry.Kind.TRANSFORM_FUNCTION),
    RUNNER(GenjaRunner.class.getCanonicalName(), "@GenjaRunner class", "runner", "io.genja.runner.Runner",
            GenjaIndexEntry.Kind.RUNNER);

    private final String annotation;
    private final String what;
    private final String noun;
    private final String serviceInterface;
    private final GenjaIndexEntry.Kind indexKind;

    ComponentKind(String annotation, String what, String noun, String serviceInterface,
                  GenjaIndexEntry.Kind indexKind) {
        this.annotation = annotation;
        this.what = what;
        this.noun = noun;
        this.serviceInterface = serviceInterface;
        this.indexKind = indexKind;
    }

    /** The annotation's qualified name. */
    public String annotation() {
        return annotation;
    }

    /** How messages name an annotated class: {@code @GenjaConnectionPlugin class}. */
    public String what() {
        return what;
    }

    /** How messages name the kind: {@code connection plugin}. */
    public String noun() {
        return noun;
    }

    /** The interface the class implements, also the name of its {@code META-INF/services} file. */
    public String serviceInterface() {
        return serviceInterface;
    }

    public GenjaIndexEntry.Kind indexKind() {
        return indexKind;
    }
}
