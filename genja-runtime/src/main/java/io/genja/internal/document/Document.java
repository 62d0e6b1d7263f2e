package io.genja.internal.document;

/**
 * One parsed YAML or JSON file.
 *
 * @param file the file's name as the user gave it, used in every {@link Problem}
 * @param root the top-level node, or {@code null} when the file is empty
 */
public record Document(String file, Node root) {
}
