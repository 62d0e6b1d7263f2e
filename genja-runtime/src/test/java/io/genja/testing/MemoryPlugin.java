package io.genja.testing;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.connection.ConnectionPlugin;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.ResolvedConnectionParams;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An instrumented in-process connection plugin: it counts opens and closes per connection, can fail or hold an
 * open, and its connections can be killed; {@code executeCommand} echoes, or hangs until the connection closes
 * for commands starting with {@code hang}.
 */
public final class MemoryPlugin implements ConnectionPlugin {

    private final String name;
    private final Queue<MemoryConnection> created = new ConcurrentLinkedQueue<>();
    private final Map<ConnectionKey, AtomicInteger> opens = new ConcurrentHashMap<>();
    /** Decides per open: {@code null} opens, an exception fails the open. */
    private volatile Function<ConnectionKey, ConnectionException> failure = key -> null;
    private volatile CountDownLatch openGate;
    /** Events in order: {@code close <host>} for connections, {@code plugin close} for this plugin. */
    public final Queue<String> events = new ConcurrentLinkedQueue<>();
    public final AtomicInteger pluginCloses = new AtomicInteger();

    public MemoryPlugin(String name) {
        this.name = name;
    }

    /** Decides for every later open whether it fails ({@code null}: it opens). */
    public MemoryPlugin failOpens(Function<ConnectionKey, ConnectionException> failure) {
        this.failure = failure;
        return this;
    }

    /** Later opens wait until {@code gate} opens. */
    public MemoryPlugin holdOpens(CountDownLatch gate) {
        this.openGate = gate;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Connection create(ConnectionKey key) {
        MemoryConnection connection = new MemoryConnection(key);
        created.add(connection);
        return connection;
    }

    @Override
    public void close() {
        pluginCloses.incrementAndGet();
        events.add("plugin close");
    }

    /** Successful opens of {@code host}'s connection. */
    public int opens(String host) {
        AtomicInteger count = opens.get(new ConnectionKey(host, name));
        return count == null ? 0 : count.get();
    }

    /** Every connection created, in order. */
    public List<MemoryConnection> connections() {
        return List.copyOf(created);
    }

    /** The connections of {@code host}, in the order they were created. */
    public List<MemoryConnection> connections(String host) {
        return created.stream().filter(c -> c.key.host().equals(host)).toList();
    }

    /** One session; counts its closes. */
    public final class MemoryConnection implements Connection {
        public final ConnectionKey key;
        public final AtomicInteger closes = new AtomicInteger();
        private final CountDownLatch closed = new CountDownLatch(1);
        private volatile boolean open;
        private volatile boolean dead;

        MemoryConnection(ConnectionKey key) {
            this.key = key;
        }

        @Override
        public void open(ResolvedConnectionParams params) throws ConnectionException {
            CountDownLatch gate = openGate;
            if (gate != null) {
                try {
                    if (!gate.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the open gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectionException(io.genja.task.FailureKind.CONNECTION, "interrupted", e);
                }
            }
            ConnectionException fail = failure.apply(key);
            if (fail != null) {
                throw fail;
            }
            opens.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            open = true;
        }

        @Override
        public String executeCommand(String command) throws ConnectionException {
            if (command.startsWith("hang")) {
                // Not interruptible on purpose: only closing the connection ends it, as with a stuck socket read.
                boolean interrupted = false;
                while (closed.getCount() > 0) {
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw new ConnectionException(io.genja.task.FailureKind.CONNECTION, "connection closed");
            }
            return key.host() + ": " + command;
        }

        @Override
        public boolean isAlive() {
            return open && !dead && closes.get() == 0;
        }

        /** Waits up to {@code timeout} for the runtime to close this connection; true if it did. */
        public boolean awaitClosed(java.time.Duration timeout) throws InterruptedException {
            return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Makes the connection dead, as a dropped session would be. */
        public void kill() {
            dead = true;
        }

        @Override
        public ConnectionKey close() {
            closes.incrementAndGet();
            events.add("close " + key.host());
            closed.countDown();
            return key;
        }
    }
}
