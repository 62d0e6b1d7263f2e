package io.genja.document;

/**
 * Bounds on what a document may make the reader do, so that a hostile or broken file cannot exhaust memory:
 * the size in code points, the number of aliases to collections (the "billion laughs" expansion), nesting depth.
 */
public record ReadLimits(int maxCodePoints, int maxCollectionAliases, int maxDepth) {

    /** 256 Mi code points (an inventory of a million hosts fits), 50 collection aliases (SnakeYAML's default), depth 64. */
    public static final ReadLimits DEFAULT = new ReadLimits(256 * 1024 * 1024, 50, 64);

    public ReadLimits {
        if (maxCodePoints <= 0 || maxCollectionAliases < 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxCodePoints + ", "
                    + maxCollectionAliases + ", " + maxDepth);
        }
    }
}
