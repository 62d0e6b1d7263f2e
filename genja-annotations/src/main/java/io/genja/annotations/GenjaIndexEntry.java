package io.genja.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generated, never written by hand: one entry per task, connection plugin, processor, inventory plugin, transform
 * function and runner, on the small index classes in package {@code io.genja.generated.index} (one class per
 * compilation round, repeating this annotation). Later compilations list that package on their classpath to learn
 * which names exist in other jars.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Repeatable(GenjaIndexEntries.class)
public @interface GenjaIndexEntry {

    /** What the indexed class is. */
    Kind kind();

    /** The name it is known by: the task, plugin or processor name. */
    String name();

    /** The fully qualified name of the indexed class. */
    String type();

    /** The kinds of indexed declarations. */
    enum Kind { TASK, CONNECTION_PLUGIN, PROCESSOR, INVENTORY_PLUGIN, TRANSFORM_FUNCTION, RUNNER }
}
