package io.genja.internal.document;

/**
 * Bounds on what a document may make the reader do, so that a hostile or broken file cannot exhaust memory or
 * time: the size in code points, the number of aliases to collections (the "billion laughs" expansion), nesting
 * depth, and the length of one line (SnakeYAML's reader copies its buffer for every chunk of one token, so the
 * time to read a line grows with the square of its length: an 8 MB scalar took 18 s).
 */
public record ReadLimits(int maxCodePoints, int maxCollectionAliases, int maxDepth, int maxLineLength) {

    /**
     * 256 Mi code points (an inventory of a million hosts fits), 50 collection aliases (SnakeYAML's default),
     * depth 64, lines of 256 Ki characters.
     */
    public static final ReadLimits DEFAULT = new ReadLimits(256 * 1024 * 1024, 50, 64, 256 * 1024);

    public ReadLimits {
        if (maxCodePoints <= 0 || maxCollectionAliases < 0 || maxDepth <= 0 || maxLineLength <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxCodePoints + ", "
                    + maxCollectionAliases + ", " + maxDepth + ", " + maxLineLength);
        }
    }

    /** The given limits with the default line length. */
    public ReadLimits(int maxCodePoints, int maxCollectionAliases, int maxDepth) {
        this(maxCodePoints, maxCollectionAliases, maxDepth, 256 * 1024);
    }
}
