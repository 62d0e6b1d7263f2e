package io.genja.processor.index;

import io.genja.annotations.GenjaIndexEntry;

/**
 * One indexed declaration.
 *
 * @param type the qualified (canonical) name of the annotated class
 */
public record IndexEntry(GenjaIndexEntry.Kind kind, String name, String type) {
}
