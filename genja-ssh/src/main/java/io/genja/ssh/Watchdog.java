package io.genja.ssh;

import io.genja.connection.ConnectionException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Enforces two limits on one operation: a total one, and an optional idle one that every {@link #touch()} (data
 * arriving) restarts. The first limit that passes hands a {@code TIMEOUT} {@link ConnectionException} to the
 * expiry handler, once.
 */
final class Watchdog {

    private final ScheduledExecutorService timer;
    private final SshOptions options;
    private final Supplier<String> what;
    private final Duration idle;
    private final Consumer<ConnectionException> onExpiry;
    private ScheduledFuture<?> total;
    private ScheduledFuture<?> idleTask;
    private boolean done;

    /**
     * @param what describes the operation when it expires, e.g. {@code "show version" did not finish}
     * @param idle the idle limit, or {@code null} for none
     */
    Watchdog(ScheduledExecutorService timer, SshOptions options, Supplier<String> what, Duration totalLimit,
             Duration idle, Consumer<ConnectionException> onExpiry) {
        this.timer = timer;
        this.options = options;
        this.what = what;
        this.idle = idle;
        this.onExpiry = onExpiry;
        synchronized (this) {
            this.total = timer.schedule(() -> expire(what.get(), totalLimit), totalLimit.toMillis(), TimeUnit.MILLISECONDS);
            touch();
        }
    }

    /** Data arrived: the idle limit starts again. */
    synchronized void touch() {
        if (done || idle == null) {
            return;
        }
        if (idleTask != null) {
            idleTask.cancel(false);
        }
        idleTask = timer.schedule(() -> expire(what.get() + ": no output arrived", idle), idle.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The operation ended: no limit applies any more. */
    synchronized void stop() {
        done = true;
        total.cancel(false);
        if (idleTask != null) {
            idleTask.cancel(false);
        }
    }

    private void expire(String message, Duration limit) {
        synchronized (this) {
            if (done) {
                return;
            }
            stop();
        }
        onExpiry.accept(Failures.timeout(options, message, limit));
    }
}
