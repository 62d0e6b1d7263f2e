package io.genja.processor.index;

import io.genja.annotations.GenjaIndexEntry;
import io.genja.processor.base.ProcessorOptions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every name known once all rounds are seen: declared in this compilation, found in the classpath index, or
 * declared with {@code -Agenja.connectionPlugins} / {@code -Agenja.processors}.
 */
public final class KnownNames {

    private final List<IndexEntry> compiled;
    private final List<IndexEntry> classpath;
    private final ProcessorOptions options;

    /**
     * @param compiled the declarations of this compilation
     * @param index the classpath index as read; it also lists this compilation's own index classes, which are
     *     dropped here
     */
    public KnownNames(List<IndexEntry> compiled, List<IndexEntry> index, ProcessorOptions options) {
        this.compiled = List.copyOf(compiled);
        this.classpath = index.stream()
                .filter(entry -> compiled.stream().noneMatch(c -> c.kind() == entry.kind()
                        && c.type().equals(entry.type())))
                .toList();
        this.options = options;
    }

    /** Every known name of {@code kind}, sorted. */
    public Set<String> names(GenjaIndexEntry.Kind kind) {
        Set<String> names = new TreeSet<>();
        compiled.stream().filter(e -> e.kind() == kind).map(IndexEntry::name).forEach(names::add);
        classpath.stream().filter(e -> e.kind() == kind).map(IndexEntry::name).forEach(names::add);
        names.addAll(switch (kind) {
            case CONNECTION_PLUGIN -> options.connectionPlugins();
            case PROCESSOR -> options.processors();
            case TASK, INVENTORY_PLUGIN, TRANSFORM_FUNCTION, RUNNER -> Set.of();
        });
        return names;
    }

    /** Another class of this compilation with the same kind and name as {@code entry}. */
    public Optional<IndexEntry> duplicateInCompilation(IndexEntry entry) {
        return otherWithName(compiled, entry);
    }

    /** A class on the class path with the same kind and name as {@code entry}. */
    public Optional<IndexEntry> duplicateOnClassPath(IndexEntry entry) {
        return otherWithName(classpath, entry);
    }

    /**
     * The names of {@code kind} that more than one class on the class path declares (two dependencies defining the
     * same task name, say), each with those classes' entries.
     */
    public List<List<IndexEntry>> clashesOnClassPath(GenjaIndexEntry.Kind kind) {
        Map<String, Map<String, IndexEntry>> byName = new TreeMap<>();
        classpath.stream().filter(e -> e.kind() == kind)
                .forEach(e -> byName.computeIfAbsent(e.name(), name -> new TreeMap<>()).putIfAbsent(e.type(), e));
        return byName.values().stream().filter(types -> types.size() > 1)
                .map(types -> List.copyOf(types.values())).toList();
    }

    private static Optional<IndexEntry> otherWithName(Collection<IndexEntry> entries, IndexEntry entry) {
        return entries.stream()
                .filter(e -> e.kind() == entry.kind() && e.name().equals(entry.name())
                        && !e.type().equals(entry.type()))
                .findFirst();
    }
}
