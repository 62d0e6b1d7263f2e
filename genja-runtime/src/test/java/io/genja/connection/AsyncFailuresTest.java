package io.genja.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.connection.ConnectionException;
import io.genja.task.FailureKind;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class AsyncFailuresTest {

    private final ConnectionException refused = new ConnectionException(FailureKind.CONNECTION, "r1: refused");

    @Test
    void findsTheFailureUnderTheWrappersOfJoinAndGet() {
        CompletableFuture<String> failed = CompletableFuture.<String>failedFuture(refused).thenApply(String::trim);

        CompletionException joined = catchJoin(failed);
        ExecutionException got = catchGet(failed);

        assertThat(AsyncFailures.unwrap(joined)).isSameAs(refused);
        assertThat(AsyncFailures.unwrap(got)).isSameAs(refused);
    }

    @Test
    void unwrapsNestedWrappersOfBothKinds() {
        Throwable nested = new CompletionException(new ExecutionException(new CompletionException(refused)));

        assertThat(AsyncFailures.unwrap(nested)).isSameAs(refused);
    }

    @Test
    void keepsWhatIsNotAWrapper() {
        IOException io = new IOException("closed", new CompletionException(refused));
        CancellationException cancelled = new CancellationException("stopped");

        assertThat(AsyncFailures.unwrap(io)).isSameAs(io);
        assertThat(AsyncFailures.unwrap(cancelled)).isSameAs(cancelled);
        assertThat(AsyncFailures.unwrap(refused)).isSameAs(refused);
    }

    @Test
    void keepsAWrapperWithoutACause() {
        CompletionException empty = new CompletionException("no cause", null);

        assertThat(AsyncFailures.unwrap(empty)).isSameAs(empty);
    }

    private static CompletionException catchJoin(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            return e;
        }
        throw new AssertionError("join() did not throw");
    }

    private static ExecutionException catchGet(CompletableFuture<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("get() did not throw");
    }
}
