package io.genja.processor.index;

import io.genja.annotations.GenjaIndexEntry;

/**
 * One indexed declaration.
 *
 * @param type the qualified (canonical) name of the annotated class
 * @param origin for an entry read from the class path, the qualified name of its index class (see
 *     {@link ClasspathIndex#location}); empty for a declaration of this compilation
 */
public record IndexEntry(GenjaIndexEntry.Kind kind, String name, String type, String origin) {

    /** A declaration of this compilation. */
    public IndexEntry(GenjaIndexEntry.Kind kind, String name, String type) {
        this(kind, name, type, "");
    }
}
