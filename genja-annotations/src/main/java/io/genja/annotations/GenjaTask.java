package io.genja.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a Genja task. The class implements {@code io.genja.task.Task} or
 * {@code io.genja.task.AsyncTask}; the annotation processor generates a {@code <Class>_GenjaAdapter}
 * and a catalog entry for it, and fails the build when a named plugin, processor or sub-task is unknown.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface GenjaTask {

    /** The unique task name, for example {@code "backup_config"}: {@code [A-Za-z0-9_.-]+}. */
    String name();

    /** The connection plugin the task needs, for example {@code "ssh"}; empty when it needs none. */
    String connectionPluginName() default "";

    /** Names of {@link GenjaProcessor} plugins whose hooks run around this task. */
    String[] processors() default {};

    /** Other {@code @GenjaTask} classes, run after this one on each host, in the order given. */
    Class<?>[] subTasks() default {};

    /** One line for catalogs and {@code genja tasks}; when empty, the first sentence of the class Javadoc. */
    String description() default "";

    /**
     * Whether the task honours a dry run: when {@code TaskInfo.dryRun()} is true it changes nothing and only
     * reports what it would change (ideally as a diff). A run with {@code RunOptions.dryRun(true)} or
     * {@code genja run --dry-run} refuses, before any host is touched, a task that does not declare this, or whose
     * sub-tasks do not all declare it: a task that ignored the flag would change devices silently.
     */
    boolean supportsDryRun() default false;
}
