package io.genja.testkit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Something a {@link SimulatedDevice} saw, numbered on one counter shared by every device of the JVM: comparing
 * sequence numbers across devices tells what happened first, as the devices saw it (a test asserts on the
 * devices' own state, not on the client's).
 *
 * @param sequence increases across all devices, in the order the events were recorded
 * @param nanoTime {@link System#nanoTime()} when it was recorded
 * @param detail the command, for {@link Kind#COMMAND}; empty otherwise
 */
public record DeviceEvent(long sequence, long nanoTime, Kind kind, String detail) {

    /** What happened. */
    public enum Kind {
        /** A client connected (the server created its session). */
        SESSION_OPENED,
        /** The device received a command (before it answered). */
        COMMAND,
        /** A session ended. */
        SESSION_CLOSED
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    static DeviceEvent now(Kind kind, String detail) {
        return new DeviceEvent(SEQUENCE.incrementAndGet(), System.nanoTime(), kind, detail);
    }
}
