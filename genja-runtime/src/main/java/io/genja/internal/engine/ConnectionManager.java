package io.genja.internal.engine;

import io.genja.connection.Connection;
import io.genja.connection.ConnectionException;
import io.genja.connection.ConnectionPlugin;
import io.genja.connection.AsyncFailures;
import io.genja.inventory.ConnectionKey;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.inventory.ResolvedConnectionParams;
import io.genja.plugin.PluginManager;
import io.genja.settings.ConnectionResolver;
import io.genja.settings.Settings;
import io.genja.task.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link Connection} per {@link ConnectionKey}: opened on first use (once, also when many threads ask
 * at the same moment), reused by later tasks and sub-tasks, reopened when it is no longer
 * {@linkplain Connection#isAlive() alive}, and closed exactly once, by {@link #closeAll()} at the latest.
 * Safe to use from many threads.
 *
 * <p>How long an open connection is kept is the idle timeout's call (docs/connections.md, "How long connections
 * stay open"): {@link Duration#ZERO} closes a host's connections as soon as its task tree has finished (nothing later
 * in the run uses them; the {@code genja} command runs one task, so it closes them this way); a positive timeout
 * keeps them for later runs and closes them once no run has used them for that long; {@code null} keeps them until
 * {@link #closeAll()}.
 */
public final class ConnectionManager {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionManager.class);

    private final PluginManager plugins;
    private final ConnectionResolver resolver;
    private final Map<ConnectionKey, Slot> slots = new ConcurrentHashMap<>();
    private final Set<ConnectionPlugin> usedPlugins = ConcurrentHashMap.newKeySet();
    private final Duration idleTimeout;
    private volatile boolean closed;
    /** Guarded by {@code this}: runs using the connections now, and the idle timer's pending close. */
    private int runsInProgress;
    private ScheduledExecutorService idleTimer;
    private ScheduledFuture<?> idleClose;

    /** Connections with the plugins' default settings (no settings file), kept until {@link #closeAll()}. */
    public ConnectionManager(Inventory inventory, PluginManager plugins) {
        this(plugins, ConnectionResolver.of(inventory, plugins, Settings.defaults()), null);
    }

    /**
     * @param resolver works out each host's parameters (inventory, secrets, the plugin's settings section)
     * @param idleTimeout how long connections no run uses stay open: {@code ZERO} closes a host's connections when
     *     its task tree finishes, {@code null} keeps them until {@link #closeAll()}
     */
    public ConnectionManager(PluginManager plugins, ConnectionResolver resolver, Duration idleTimeout) {
        this.plugins = plugins;
        this.resolver = resolver;
        if (idleTimeout != null && idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative, not " + idleTimeout);
        }
        this.idleTimeout = idleTimeout;
    }

    /** A run starts using the connections: a pending idle close is called off. */
    public synchronized void runStarted() {
        runsInProgress++;
        if (idleClose != null) {
            idleClose.cancel(false);
            idleClose = null;
        }
    }

    /** A run ended: when it was the last one in progress, the idle timeout starts. */
    public synchronized void runFinished() {
        runsInProgress--;
        if (runsInProgress > 0 || closed || idleTimeout == null || idleTimeout.isZero() || slots.isEmpty()) {
            return;
        }
        if (idleTimer == null) {
            idleTimer = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("genja-idle-connections-"));
        }
        idleClose = idleTimer.schedule(this::closeIdle, idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * {@code host}'s task tree has finished in a run: with an idle timeout of zero, its connections close now, so a
     * run over many hosts holds only the sessions of the hosts in progress.
     */
    public void hostFinished(String host, Collection<String> pluginNames) {
        if (idleTimeout != null && idleTimeout.isZero()) {
            for (String plugin : pluginNames) {
                discard(host, plugin);
            }
        }
    }

    /** No run used the connections for the idle timeout: they close; a later run opens them again. */
    private synchronized void closeIdle() {
        idleClose = null;
        if (runsInProgress > 0 || closed) {
            return;
        }
        int count = 0;
        for (ConnectionKey key : List.copyOf(slots.keySet())) {
            Slot slot = slots.remove(key);
            if (slot != null && slot.future.isDone() && slot.close()) {
                count++;
            }
        }
        LOG.debug("closed {} connections no run used for {}", count, idleTimeout);
    }

    /**
     * The open connection of {@code host} for {@code plugin}, opening (or reopening) it when needed; blocks while
     * another thread opens it.
     *
     * @throws ConnectionException when the connection cannot be opened; its kind says why
     */
    public Connection get(Host host, String plugin) throws ConnectionException {
        try {
            return acquire(host, plugin).get();
        } catch (ExecutionException e) {
            throw asConnectionException(e.getCause(), new ConnectionKey(host.name(), plugin));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(FailureKind.CONNECTION,
                    "interrupted while opening the " + plugin + " connection to " + host.name(), e);
        }
    }

    /**
     * The asynchronous form of {@link #get}: completes with the open connection, or with a
     * {@link ConnectionException}, without blocking the caller while the plugin's {@code openAsync} works.
     */
    public CompletionStage<Connection> getAsync(Host host, String plugin) {
        return acquire(host, plugin).minimalCompletionStage();
    }

    /** The shared future behind {@link #get} and {@link #getAsync}; callers must not complete it. */
    CompletableFuture<Connection> acquire(Host host, String taskPlugin) {
        String plugin;
        try {
            plugin = resolver.connectionPlugin(host.name(), taskPlugin); // the host may connect through another plugin
        } catch (ConnectionException e) {
            return CompletableFuture.failedFuture(e);
        }
        ConnectionKey key = new ConnectionKey(host.name(), plugin);
        while (true) {
            if (closed) {
                return CompletableFuture.failedFuture(new ConnectionException(FailureKind.CONNECTION,
                        "cannot open " + key + ": the Genja that owns the connection is closed"));
            }
            Slot slot = slots.get(key);
            if (slot != null && slot.usable()) {
                return slot.future;
            }
            Slot fresh = new Slot(key);
            boolean won = slot == null ? slots.putIfAbsent(key, fresh) == null : slots.replace(key, slot, fresh);
            if (won) {
                if (slot != null) {
                    LOG.debug("{} is no longer alive; reopening", key);
                    slot.close();
                }
                open(fresh, host, plugin);
                return fresh.future;
            }
        }
    }

    /**
     * The parameters the plugin opens {@code host} with, from the {@link ConnectionResolver} that {@code genja check}
     * uses too (every open, synchronous or not, goes through here).
     *
     * @throws ConnectionException when they cannot be resolved; the host fails with its kind, nothing is opened
     */
    private ResolvedConnectionParams resolveParams(Host host, String plugin) throws ConnectionException {
        return resolver.resolve(host.name(), plugin);
    }

    private void open(Slot slot, Host host, String plugin) {
        CompletionStage<Void> opening;
        try {
            ResolvedConnectionParams params = resolveParams(host, plugin);
            ConnectionPlugin factory = plugins.connectionPlugin(plugin);
            usedPlugins.add(factory);
            slot.connection = factory.create(slot.key);
            opening = slot.connection.openAsync(params);
        } catch (ConnectionException | RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((ignored, error) -> {
            if (error == null) {
                slot.future.complete(slot.connection);
                if (closed || slot.discarded) {
                    slot.close();
                }
                return;
            }
            slots.remove(slot.key, slot);
            slot.close();
            // a plugin's message may quote a value a secret reference resolved to ("got ..."): name the reference
            slot.future.completeExceptionally(resolver.redact(asConnectionException(error, slot.key), slot.key));
        });
    }

    /**
     * Closes and forgets the connection of {@code host} for {@code plugin}, also one still opening (it is closed as
     * soon as it opens). Used when a host runs out of its time budget, so a command hung on it returns.
     */
    public void discard(String host, String taskPlugin) {
        String plugin;
        try {
            plugin = resolver.connectionPlugin(host, taskPlugin);
        } catch (ConnectionException e) {
            return; // nothing was opened for it
        }
        Slot slot = slots.remove(new ConnectionKey(host, plugin));
        if (slot != null) {
            slot.discarded = true;
            if (slot.future.isDone()) {
                slot.close();
            }
        }
    }

    /**
     * Closes every connection exactly once, then calls {@link ConnectionPlugin#close()} on every plugin that
     * created one; connections still opening are closed as soon as they open. Later calls to {@link #get} fail.
     *
     * @return the keys of the connections that were closed
     */
    public List<ConnectionKey> closeAll() {
        synchronized (this) {
            closed = true;
            if (idleTimer != null) {
                idleTimer.shutdownNow();
            }
        }
        List<ConnectionKey> closedKeys = new ArrayList<>();
        for (ConnectionKey key : List.copyOf(slots.keySet())) {
            Slot slot = slots.remove(key);
            if (slot != null && slot.future.isDone() && slot.close()) {
                closedKeys.add(key);
            }
        }
        for (ConnectionPlugin plugin : List.copyOf(usedPlugins)) {
            try {
                plugin.close();
            } catch (RuntimeException e) {
                LOG.warn("closing connection plugin {} failed: {}", plugin.name(), e.toString());
            }
        }
        usedPlugins.clear();
        return closedKeys;
    }

    private static ConnectionException asConnectionException(Throwable error, ConnectionKey key) {
        Throwable cause = AsyncFailures.unwrap(error);
        if (cause instanceof ConnectionException connection) {
            return connection;
        }
        if (cause instanceof CancellationException) {
            return new ConnectionException(FailureKind.CONNECTION, "opening " + key + " was cancelled", cause);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ConnectionException(FailureKind.CONNECTION, "cannot open " + key + ": " + message, cause);
    }

    /** One key's connection: the future its users wait on, and a guard that closes it exactly once. */
    private static final class Slot {
        final ConnectionKey key;
        final CompletableFuture<Connection> future = new CompletableFuture<>();
        final AtomicBoolean closedOnce = new AtomicBoolean();
        volatile Connection connection;
        volatile boolean discarded;

        Slot(ConnectionKey key) {
            this.key = key;
        }

        /** Opening, or open and alive. */
        boolean usable() {
            if (!future.isDone()) {
                return true;
            }
            if (future.isCompletedExceptionally() || closedOnce.get()) {
                return false;
            }
            try {
                return connection.isAlive();
            } catch (RuntimeException e) {
                LOG.debug("{}.isAlive() threw {}; reopening", key, e.toString());
                return false;
            }
        }

        /** Closes the connection unless that already happened; true if this call closed it. */
        boolean close() {
            Connection open = connection;
            if (open == null || !closedOnce.compareAndSet(false, true)) {
                return false;
            }
            try {
                open.close();
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed: {}", key, e.toString());
            }
            return true;
        }
    }
}
