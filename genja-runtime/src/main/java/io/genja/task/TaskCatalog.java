package io.genja.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The tasks on a class path: every generated {@link TaskDefinition} registered in
 * {@code META-INF/services/io.genja.task.TaskDefinition}.
 */
public final class TaskCatalog {

    private final Map<String, TaskDefinition> byName;

    private TaskCatalog(Map<String, TaskDefinition> byName) {
        this.byName = byName;
    }

    /** The tasks visible to the thread's context class loader (or this class's loader when there is none). */
    public static TaskCatalog load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : TaskCatalog.class.getClassLoader());
    }

    /**
     * The tasks visible to {@code loader}.
     *
     * @throws IllegalStateException when two classes claim the same task name, or a registered adapter
     *     cannot be loaded
     */
    public static TaskCatalog load(ClassLoader loader) {
        List<TaskDefinition> found = new ArrayList<>();
        try {
            for (TaskDefinition definition : ServiceLoader.load(TaskDefinition.class, loader)) {
                found.add(definition);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a task adapter listed in META-INF/services/"
                    + TaskDefinition.class.getName() + ": " + e.getMessage(), e);
        }
        return of(found);
    }

    /**
     * A catalog of exactly these definitions.
     *
     * @throws IllegalStateException when two different classes claim the same task name
     */
    public static TaskCatalog of(List<? extends TaskDefinition> definitions) {
        Map<String, TaskDefinition> byName = new LinkedHashMap<>();
        definitions.stream().sorted(Comparator.comparing(TaskDefinition::name)).forEach(definition -> {
            TaskDefinition earlier = byName.putIfAbsent(definition.name(), definition);
            if (earlier != null && !earlier.taskClass().getName().equals(definition.taskClass().getName())) {
                throw new IllegalStateException("task name \"" + definition.name() + "\" is used by both "
                        + earlier.taskClass().getName() + " and " + definition.taskClass().getName()
                        + "; task names must be unique on the class path");
            }
        });
        return new TaskCatalog(Collections.unmodifiableMap(byName));
    }

    public Optional<TaskDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The definition generated for {@code taskClass}, if it is in this catalog. */
    public Optional<TaskDefinition> find(Class<?> taskClass) {
        return byName.values().stream().filter(d -> d.taskClass().equals(taskClass)).findFirst();
    }

    /** All definitions, sorted by name. */
    public List<TaskDefinition> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
