package io.genja.task;

import java.util.Objects;

/**
 * A task object with its options bound, ready to start on one host, typed by how it runs. Made by
 * {@link TaskDefinition#newInstance}; the engine starts it without casts or a method that only throws:
 * <pre>{@code
 * if (instance instanceof TaskInstance.Blocking blocking) {
 *     result = blocking.task().start(host, context);              // on a thread that may block
 * } else if (instance instanceof TaskInstance.Async async) {
 *     stage = async.task().startAsync(host, context);             // holds no thread while it waits
 * }
 * }</pre>
 */
public sealed interface TaskInstance {

    /** A {@link Task}: holds its thread until the host's result is ready. */
    record Blocking(Task task) implements TaskInstance {
        public Blocking {
            Objects.requireNonNull(task, "task");
        }
    }

    /** An {@link AsyncTask}: returns a stage and holds no thread while it waits. */
    record Async(AsyncTask task) implements TaskInstance {
        public Async {
            Objects.requireNonNull(task, "task");
        }
    }
}
