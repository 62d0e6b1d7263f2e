package io.genja.processor.output;

import io.genja.processor.model.OptionModel;
import io.genja.processor.model.TaskModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/genja/task-catalog.json}: this module's tasks, sorted by name, for {@code genja tasks}
 * and other tools that read a jar without loading its classes. A build that compiles only changed files merges
 * the entries of the catalog an earlier compilation left in the class output ({@link #earlier()}).
 */
public final class CatalogWriter {

    /** Where the catalog goes in the class output. */
    public static final String PATH = "META-INF/genja/task-catalog.json";

    private final Filer filer;

    public CatalogWriter(Filer filer) {
        this.filer = filer;
    }

    /**
     * One task of the catalog as written: its JSON members by name ({@code name}, {@code class}, {@code options},
     * {@code description}, ..).
     */
    public record Entry(Map<String, Object> members) {

        public Entry {
            members = new LinkedHashMap<>(members);
        }

        /** The task class's binary name. */
        public String binaryName() {
            return String.valueOf(members.get("class"));
        }

        public String name() {
            return String.valueOf(members.get("name"));
        }

        /** The task's description, empty when it has none. */
        public String description() {
            return members.get("description") instanceof String text ? text : "";
        }

        /** The description of option {@code option}, empty when the entry has no such option or description. */
        public String optionDescription(String option) {
            if (members.get("options") instanceof List<?> options) {
                for (Object each : options) {
                    if (each instanceof Map<?, ?> spec && option.equals(spec.get("name"))
                            && spec.get("description") instanceof String text) {
                        return text;
                    }
                }
            }
            return "";
        }
    }

    /**
     * The entries of the catalog an earlier compilation wrote to the class output, by task class binary name;
     * empty when there is none (a clean build) or the file manager cannot read its output.
     */
    public Optional<Map<String, Entry>> earlier() {
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            String text;
            try (InputStream in = existing.openInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            if (JsonReader.parse(text) instanceof Map<?, ?> catalog && catalog.get("tasks") instanceof List<?> tasks) {
                for (Object task : tasks) {
                    if (task instanceof Map<?, ?> members) {
                        @SuppressWarnings("unchecked")
                        Entry entry = new Entry((Map<String, Object>) members);
                        entries.put(entry.binaryName(), entry);
                    }
                }
            }
            return Optional.of(entries);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // no earlier catalog, one that is not ours, or a file manager that cannot read its output
            return Optional.empty();
        }
    }

    /** Writes the catalog of {@code entries}. */
    public void write(Collection<Entry> entries, Element... origins) throws IOException {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH, origins);
        try (Writer writer = file.openWriter()) {
            writer.write(toJson(entries));
        }
    }

    /** The catalog entry of {@code task}. */
    public static Entry entry(TaskModel task) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("name", task.name());
        members.put("class", task.binaryName());
        members.put("connectionPlugin", task.connectionPlugin().isEmpty() ? null : task.connectionPlugin());
        members.put("processors", task.processors());
        members.put("subTasks", task.subTasks());
        members.put("supportsDryRun", task.supportsDryRun());
        List<Object> options = new ArrayList<>();
        for (OptionModel option : task.options()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", option.name());
            spec.put("type", option.typeText());
            spec.put("required", option.required());
            spec.put("description", option.description());
            options.add(spec);
        }
        members.put("options", options);
        members.put("description", task.description());
        return new Entry(members);
    }

    /** The catalog document: {@code entries} sorted by task name. */
    static String toJson(Collection<Entry> entries) {
        JsonWriter json = new JsonWriter().beginObject().name("tasks").beginArray();
        entries.stream().sorted(Comparator.comparing(Entry::name).thenComparing(Entry::binaryName))
                .forEach(entry -> json.any(entry.members()));
        return json.endArray().endObject().toString();
    }
}
