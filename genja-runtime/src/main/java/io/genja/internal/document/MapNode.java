package io.genja.internal.document;

import java.util.List;

/** A mapping, its entries in document order; duplicate keys are kept so that readers can report them. */
public record MapNode(List<Entry> entries, int line, int column) implements Node {

    public MapNode {
        entries = List.copyOf(entries);
    }

    @Override
    public String describe() {
        return "a map";
    }

    /** One {@code key: value} pair; the key is always a scalar. */
    public record Entry(ScalarNode key, Node value) {
    }
}
