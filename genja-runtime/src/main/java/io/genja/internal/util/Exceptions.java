package io.genja.internal.util;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What an exception says, without the wrappers futures put around it. */
public final class Exceptions {

    private Exceptions() {
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
