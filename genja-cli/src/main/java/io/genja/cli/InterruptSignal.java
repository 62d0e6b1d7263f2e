package io.genja.cli;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Ctrl-C (SIGINT) during {@code genja run}. The first one while the run is going interrupts the thread running it:
 * the engine then stops claiming hosts, records an {@code INTERRUPTED} result for every host that had not finished
 * and returns, so the table, the totals and {@code --json} are still written and the connections closed. Another
 * one after that, or one before the run starts or while the results are written, exits at once with
 * {@link ExitStatus#INTERRUPTED}, as Ctrl-C ends any Java program.
 *
 * <p>Only {@code genja run} installs it, from before its inventory is opened until its connections are closed;
 * {@link #close()} puts back the handler it replaced. The library never handles signals. It uses
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}, the only way Java offers); where that is missing or the
 * JVM keeps SIGINT to itself ({@code -Xrs}), nothing is installed and Ctrl-C ends the JVM at once, as before.
 */
final class InterruptSignal implements AutoCloseable {

    private enum State { WAITING, RUNNING, STOPPING }

    private final PrintStream err;
    /** The handler this one replaced, restored on close; {@code null} when none could be installed. */
    private sun.misc.SignalHandler previous;
    // Guarded by this: the signal arrives on a thread of its own.
    private State state = State.WAITING;
    private Thread runThread;
    private boolean interrupted;

    private InterruptSignal(PrintStream err) {
        this.err = err;
    }

    /** Installs the handler if the platform lets it; the returned object is usable either way. */
    static InterruptSignal install(PrintStream err) {
        InterruptSignal handler = new InterruptSignal(err);
        try {
            handler.previous = sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> handler.received());
        } catch (LinkageError | IllegalArgumentException | UnsupportedOperationException e) {
            // No sun.misc.Signal, or SIGINT is the JVM's (-Xrs) or unknown here: Ctrl-C keeps ending the JVM.
        }
        return handler;
    }

    /**
     * Runs {@code run} on this thread, interruptible by Ctrl-C. When it returns, a further Ctrl-C exits at once, and
     * this thread's interrupt flag (which an interrupted run keeps set) is cleared: writing the results must not
     * fail for it.
     */
    <T> T during(Supplier<T> run) {
        synchronized (this) {
            runThread = Thread.currentThread();
            state = State.RUNNING;
        }
        try {
            return run.get();
        } finally {
            synchronized (this) {
                state = State.STOPPING;
                Thread.interrupted();
            }
        }
    }

    /** Whether Ctrl-C interrupted the run. */
    synchronized boolean interrupted() {
        return interrupted;
    }

    private void received() {
        synchronized (this) {
            if (state == State.RUNNING) {
                state = State.STOPPING;
                interrupted = true;
                err.println("genja: interrupted; stopping the run and writing the results"
                        + " (press Ctrl-C again to exit at once)");
                runThread.interrupt();
                return;
            }
        }
        err.println(interrupted() ? "genja: interrupted again; exiting at once" : "genja: interrupted");
        System.exit(ExitStatus.INTERRUPTED);
    }

    @Override
    public void close() {
        if (previous != null) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), previous);
        }
    }
}
