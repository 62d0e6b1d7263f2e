package io.genja.internal.document;

/**
 * A node of a YAML or JSON document with its position (1-based line and column), so that every value can be
 * reported where the user wrote it.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    int line();

    int column();

    /** What kind of value this is, for messages: {@code a map}, {@code a list}, {@code the string "x"}, ... */
    String describe();
}
