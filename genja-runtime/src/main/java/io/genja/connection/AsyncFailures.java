package io.genja.connection;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The failure behind a future's wrappers: for plugins with asynchronous paths ({@code openAsync},
 * {@code executeCommandAsync}) and for the engine, which both see failures through {@code CompletableFuture}s.
 */
public final class AsyncFailures {

    private AsyncFailures() {
    }

    /**
     * The exception a future failed with: {@code error} without the {@link CompletionException}s and
     * {@link ExecutionException}s that {@code join()}, {@code get()} and dependent stages wrap around it, however
     * deeply nested. A wrapper without a cause is returned as it is.
     */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
