package io.genja.processor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What compiled fixtures did: their code (loaded from a compilation's output, with the test's class loader as
 * parent) records here which host each task started on and which connections were created.
 */
public final class Touched {

    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private Touched() {
    }

    /** Called by fixture code, for example {@code Touched.record("start r1")}. */
    public static void record(String event) {
        EVENTS.add(event);
    }

    static List<String> events() {
        return List.copyOf(EVENTS);
    }

    static void clear() {
        EVENTS.clear();
    }
}
