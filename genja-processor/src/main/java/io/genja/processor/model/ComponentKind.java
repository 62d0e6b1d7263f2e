package io.genja.processor.model;

import io.genja.annotations.GenjaConnectionPlugin;
import io.genja.annotations.GenjaIndexEntry;
import io.genja.annotations.GenjaProcessor;

/** The two kinds of named plugin classes besides tasks: connection plugins and task processors. */
public enum ComponentKind {
    CONNECTION_PLUGIN(GenjaConnectionPlugin.class.getCanonicalName(), "@GenjaConnectionPlugin class",
            "connection plugin", "io.genja.connection.ConnectionPlugin", GenjaIndexEntry.Kind.CONNECTION_PLUGIN),
    PROCESSOR(GenjaProcessor.class.getCanonicalName(), "@GenjaProcessor class", "processor",
            "io.genja.task.TaskProcessor", GenjaIndexEntry.Kind.PROCESSOR);

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
