package io.genja.processor.output;

import io.genja.processor.model.OptionModel;
import io.genja.processor.model.TaskModel;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/genja/task-catalog.json}: this module's tasks, sorted by name, for {@code genja tasks}
 * and other tools that read a jar without loading its classes.
 */
public final class CatalogWriter {

    /** Where the catalog goes in the class output. */
    public static final String PATH = "META-INF/genja/task-catalog.json";

    private final Filer filer;

    public CatalogWriter(Filer filer) {
        this.filer = filer;
    }

    /** Writes the catalog of {@code tasks}; nothing when there are none. */
    public void write(Collection<TaskModel> tasks, Element... origins) throws IOException {
        if (tasks.isEmpty()) {
            return;
        }
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH, origins);
        try (Writer writer = file.openWriter()) {
            writer.write(toJson(tasks));
        }
    }

    /** The catalog document. */
    static String toJson(Collection<TaskModel> tasks) {
        JsonWriter json = new JsonWriter().beginObject().name("tasks").beginArray();
        for (TaskModel task : tasks.stream().sorted(Comparator.comparing(TaskModel::name)).toList()) {
            json.beginObject()
                    .name("name").value(task.name())
                    .name("class").value(task.binaryName())
                    .name("connectionPlugin").value(task.connectionPlugin().isEmpty() ? null : task.connectionPlugin());
            strings(json.name("processors"), task.processors());
            strings(json.name("subTasks"), task.subTasks());
            json.name("options").beginArray();
            for (OptionModel option : task.options()) {
                json.beginObject()
                        .name("name").value(option.name())
                        .name("type").value(option.typeText())
                        .name("required").value(option.required())
                        .name("description").value(option.description())
                        .endObject();
            }
            json.endArray()
                    .name("description").value(task.description())
                    .endObject();
        }
        return json.endArray().endObject().toString();
    }

    private static void strings(JsonWriter json, List<String> values) {
        json.beginArray();
        values.forEach(json::value);
        json.endArray();
    }
}
