package io.genja.inventory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The files the built-in {@link FileInventoryPlugin} reads.
 *
 * @param groups {@code null} when there is none
 * @param defaults {@code null} when there is none
 */
public record InventoryFiles(Path hosts, Path groups, Path defaults) {

    public InventoryFiles {
        Objects.requireNonNull(hosts, "hosts");
    }

    /** The files that are named, hosts first. */
    public Stream<Path> all() {
        return Stream.of(hosts, groups, defaults).filter(Objects::nonNull);
    }
}
