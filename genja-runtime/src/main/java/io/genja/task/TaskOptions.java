package io.genja.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The options of a run, as given: strings from the command line ({@code -o key=value}) or Java values from
 * code. Generated adapters convert them to the types of the task's {@code @TaskOption} fields.
 */
public final class TaskOptions {

    private static final TaskOptions EMPTY = new TaskOptions(Map.of());

    private final Map<String, Object> values;

    private TaskOptions(Map<String, Object> values) {
        this.values = values;
    }

    public static TaskOptions empty() {
        return EMPTY;
    }

    /** Options with these values; {@code null} values are not allowed. */
    public static TaskOptions of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "option name"),
                Objects.requireNonNull(value, () -> "value of option " + key)));
        return new TaskOptions(Collections.unmodifiableMap(copy));
    }

    /** A copy with {@code name} set to {@code value}. */
    public TaskOptions with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(Objects.requireNonNull(name, "option name"), Objects.requireNonNull(value, () -> "value of option " + name));
        return new TaskOptions(Collections.unmodifiableMap(copy));
    }

    /** The raw value of {@code name}, as given. */
    public Optional<Object> raw(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** All values in the order they were given. */
    public Map<String, Object> asMap() {
        return values;
    }

    public Optional<String> getString(String name) {
        return raw(name).map(Object::toString);
    }

    /** The value of {@code name} converted to an int; a value that does not convert is a {@code VALIDATION} error. */
    public Optional<Integer> getInt(String name) throws TaskException {
        Object raw = values.get(name);
        return raw == null ? Optional.empty() : Optional.of(OptionConverters.toInt(raw, name));
    }

    public Optional<Long> getLong(String name) throws TaskException {
        Object raw = values.get(name);
        return raw == null ? Optional.empty() : Optional.of(OptionConverters.toLong(raw, name));
    }

    public Optional<Boolean> getBoolean(String name) throws TaskException {
        Object raw = values.get(name);
        return raw == null ? Optional.empty() : Optional.of(OptionConverters.toBoolean(raw, name));
    }

    public Optional<java.time.Duration> getDuration(String name) throws TaskException {
        Object raw = values.get(name);
        return raw == null ? Optional.empty() : Optional.of(OptionConverters.toDuration(raw, name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskOptions other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "TaskOptions" + values.keySet();
    }
}
