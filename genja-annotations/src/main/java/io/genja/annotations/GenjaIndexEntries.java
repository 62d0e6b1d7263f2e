package io.genja.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generated, never written by hand: the container of an index class's repeated {@link GenjaIndexEntry}
 * annotations, which the compiler writes when a class carries more than one.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface GenjaIndexEntries {

    /** The entries, in the order the index class declares them. */
    GenjaIndexEntry[] value();
}
