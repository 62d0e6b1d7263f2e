package io.genja.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A task catalog as a reference for the people who run the tasks: the JSON document {@code genja tasks --json} prints
 * and the Markdown page the Maven plugin's {@code catalog} goal writes, from one description of a task.
 */
public final class TaskReference {

    private TaskReference() {
    }

    /**
     * One task as plain values (for a JSON writer): {@code name}, {@code class}, {@code connectionPlugin},
     * {@code processors}, {@code subTasks}, {@code supportsDryRun}, {@code options} ({@code name}, {@code type},
     * {@code required},
     * {@code description}) and {@code description}; the same fields as the processor's
     * {@code META-INF/genja/task-catalog.json}.
     */
    public static Map<String, Object> document(TaskDefinition task) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", task.name());
        map.put("class", task.taskClass().getName());
        map.put("connectionPlugin", task.connectionPluginName().orElse(null));
        map.put("processors", task.processors());
        map.put("subTasks", task.subTasks());
        map.put("supportsDryRun", task.supportsDryRun());
        map.put("options", task.options().stream().map(option -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", option.name());
            o.put("type", option.type());
            o.put("required", option.required());
            o.put("description", option.description());
            return o;
        }).toList());
        map.put("description", task.description());
        return map;
    }

    /** {@code {"tasks": [...]}}, as plain values, in the catalog's order (by name). */
    public static Map<String, Object> document(List<TaskDefinition> tasks) {
        return Map.of("tasks", tasks.stream().map(TaskReference::document).toList());
    }

    /**
     * A Markdown page: a table of the tasks, then a section per task with its description, connection plugin,
     * processors, sub-tasks and options (type, required, description) and the command line that runs it.
     */
    public static String markdown(String title, List<TaskDefinition> tasks) {
        StringBuilder page = new StringBuilder("# ").append(title).append("\n\n");
        if (tasks.isEmpty()) {
            return page.append("No tasks.\n").toString();
        }
        page.append("| task | connection plugin | description |\n|---|---|---|\n");
        for (TaskDefinition task : tasks) {
            page.append("| [`").append(task.name()).append("`](#").append(anchor(task.name())).append(") | ")
                    .append(task.connectionPluginName().map(name -> "`" + name + "`").orElse("-")).append(" | ")
                    .append(cell(firstSentence(task.description()))).append(" |\n");
        }
        for (TaskDefinition task : tasks) {
            page.append("\n## ").append(task.name()).append("\n\n");
            if (!task.description().isBlank()) {
                page.append(task.description().strip()).append("\n\n");
            }
            page.append("- class: `").append(task.taskClass().getName()).append("`\n");
            page.append("- connection plugin: ").append(task.connectionPluginName().map(name -> "`" + name + "`")
                    .orElse("none (the task opens no connection)")).append('\n');
            if (!task.processors().isEmpty()) {
                page.append("- processors: ").append(codes(task.processors())).append('\n');
            }
            if (!task.subTasks().isEmpty()) {
                page.append("- sub-tasks, in order: ").append(codes(task.subTasks())).append('\n');
            }
            page.append("- dry run: ").append(task.supportsDryRun() ? "supported (`--dry-run` reports what would "
                    + "change)" : "not supported (`--dry-run` refuses to start it)").append('\n');
            if (!task.options().isEmpty()) {
                page.append("\n| option | type | required | description |\n|---|---|---|---|\n");
                for (TaskOptionSpec option : task.options()) {
                    page.append("| `").append(option.name()).append("` | `").append(simpleType(option.type()))
                            .append("` | ").append(option.required() ? "yes" : "no").append(" | ")
                            .append(cell(option.description())).append(" |\n");
                }
            }
            page.append("\n```text\ngenja run ").append(task.name());
            task.options().stream().filter(TaskOptionSpec::required).forEach(option -> page.append(" -o ")
                    .append(option.name()).append("=<").append(simpleType(option.type())).append('>'));
            page.append("\n```\n");
        }
        return page.toString();
    }

    /** {@code java.util.List<java.lang.String>} reads as {@code List<String>}. */
    public static String simpleType(String type) {
        return type.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z])", "$1");
    }

    private static String codes(List<String> names) {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }

    private static String firstSentence(String description) {
        String text = description.strip();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** A table cell: one line, pipes escaped. */
    private static String cell(String text) {
        return text.strip().replace("\n", " ").replace("|", "\\|");
    }

    /** GitHub's heading anchor: lower case, spaces to dashes, other punctuation but {@code -} and {@code _} dropped. */
    private static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replaceAll("[^a-z0-9_-]", "");
    }
}
